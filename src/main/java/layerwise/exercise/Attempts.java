package layerwise.exercise;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;

/**
 * Every answer checked in this Java process, in order. When the grader runs a notebook, in a JVM of
 * its own, its agent hands this class a stream of the grader's connection before the notebook's first
 * line runs ({@link #handInTo}); each check is written there at once, as one JSON line, so answers
 * survive a notebook that later loops or calls System.exit. The stream has no name a notebook could
 * open, and the grader reads only the exercise id and the answer from it: it scores them itself,
 * from its own copy of the sheet, for the student id its roster gives. Nothing a notebook prints,
 * writes to a file or claims about its id changes its points.
 */
public final class Attempts {
    /** One check: which sheet and student it was for, which exercise, and the answer as typed. */
    public record Attempt(String sheet, String student, String exercise, String answer) {}

    /** What a notebook handed in: the sheet and student id it used, the last answer per exercise, the tries. */
    public record Submission(String sheet, String studentId, Map<String, String> answers, Map<String, Integer> tries) {
        public static final Submission EMPTY = new Submission("", "", Map.of(), Map.of());
    }

    private static final List<Attempt> log = new ArrayList<>();
    private static OutputStream grader;

    private Attempts() {}

    /**
     * Sends every later check to the grader on {@code stream}. Only the first call counts: the
     * grader's agent makes it before the notebook runs, so a notebook cannot redirect its answers.
     */
    public static synchronized void handInTo(OutputStream stream) {
        if (grader == null) grader = stream;
    }

    static synchronized void record(String sheet, String student, String exercise, String answer) {
        Attempt a = new Attempt(sheet, student, exercise, answer == null ? "" : answer);
        log.add(a);
        if (grader == null) return;
        try {
            grader.write((new Gson().toJson(a) + "\n").getBytes(StandardCharsets.UTF_8));
            grader.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot hand the answer to the grader", e);
        }
    }

    public static synchronized List<Attempt> all() { return List.copyOf(log); }

    /** Forgets every recorded answer (a fresh start in the same session). */
    public static synchronized void clear() { log.clear(); }

    /** Reads the grader's answer log (one JSON attempt per line); the last answer to each exercise counts. */
    public static Submission read(List<String> lines) {
        Map<String, String> answers = new LinkedHashMap<>();
        Map<String, Integer> tries = new LinkedHashMap<>();
        String sheet = "", student = "";
        for (String line : lines) {
            Attempt a;
            try {
                a = new Gson().fromJson(line, Attempt.class);
            } catch (JsonParseException garbled) {
                continue;
            }
            if (a == null || a.exercise() == null) continue;
            sheet = a.sheet() == null ? sheet : a.sheet();
            student = a.student() == null ? student : a.student();
            answers.put(a.exercise(), a.answer() == null ? "" : a.answer());
            tries.merge(a.exercise(), 1, Integer::sum);
        }
        return answers.isEmpty() ? Submission.EMPTY : new Submission(sheet, student, answers, tries);
    }
}
