package layerwise.exercise;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;

/**
 * Every answer checked in this Java process, in order. When the grader runs a notebook (in a JVM of its
 * own) it names a file in the system property {@value #FILE_PROPERTY}, and each check is appended there
 * at once, as one JSON line, so answers survive a notebook that later loops or calls System.exit. The
 * grader scores the answers itself, from its own copy of the sheet: nothing a notebook prints or
 * computes changes its points.
 */
public final class Attempts {
    /** The system property that names the grader's answer log. */
    public static final String FILE_PROPERTY = "layerwise.attempts.file";

    /** One check: which sheet and student it was for, which exercise, and the answer as typed. */
    public record Attempt(String sheet, String student, String exercise, String answer) {}

    /** What a notebook handed in: the sheet and student id it used, the last answer per exercise, the tries. */
    public record Submission(String sheet, String studentId, Map<String, String> answers, Map<String, Integer> tries) {
        public static final Submission EMPTY = new Submission("", "", Map.of(), Map.of());
    }

    private static final List<Attempt> log = new ArrayList<>();

    private Attempts() {}

    static synchronized void record(String sheet, String student, String exercise, String answer) {
        Attempt a = new Attempt(sheet, student, exercise, answer == null ? "" : answer);
        log.add(a);
        String file = System.getProperty(FILE_PROPERTY);
        if (file == null) return;
        try {
            Files.writeString(Path.of(file), new Gson().toJson(a) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the answer for grading in " + file, e);
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
