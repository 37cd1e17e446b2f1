package layerwise.exercise;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;

/**
 * Every answer checked in this Java process, in order. The grader runs a notebook in a separate JVM
 * and reads this log back with {@link #export()}; it then scores the answers itself, from its own copy
 * of the sheet, so nothing a notebook prints or computes can change its points.
 */
public final class Attempts {
    /** One check: which sheet and student it was for, which exercise, and the answer as typed. */
    public record Attempt(String sheet, String student, String exercise, String answer) {}

    /** What a notebook handed in: the sheet and student id it used, the last answer per exercise, the tries. */
    public record Submission(String sheet, String studentId, Map<String, String> answers, Map<String, Integer> tries) {
        public static final Submission EMPTY = new Submission("", "", Map.of(), Map.of());
    }

    private static final List<Attempt> log = new ArrayList<>();

    private Attempts() {}

    static synchronized void record(String sheet, String student, String exercise, String answer) {
        log.add(new Attempt(sheet, student, exercise, answer == null ? "" : answer));
    }

    public static synchronized List<Attempt> all() { return List.copyOf(log); }

    /** Forgets every recorded answer (a fresh start in the same session). */
    public static synchronized void clear() { log.clear(); }

    /** The log as Base64 of JSON: plain letters, so it survives being passed back as a Java string literal. */
    public static synchronized String export() {
        String json = new Gson().toJson(log);
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads an {@link #export()}; the last answer to each exercise counts. */
    public static Submission read(String exported) {
        Attempt[] attempts;
        try {
            attempts = new Gson().fromJson(new String(Base64.getDecoder().decode(exported.trim()), StandardCharsets.UTF_8), Attempt[].class);
        } catch (IllegalArgumentException | JsonParseException e) {
            return Submission.EMPTY;
        }
        if (attempts == null || attempts.length == 0) return Submission.EMPTY;
        Map<String, String> answers = new LinkedHashMap<>();
        Map<String, Integer> tries = new LinkedHashMap<>();
        String sheet = "", student = "";
        for (Attempt a : attempts) {
            if (a == null || a.exercise() == null) continue;
            sheet = a.sheet() == null ? sheet : a.sheet();
            student = a.student() == null ? student : a.student();
            answers.put(a.exercise(), a.answer() == null ? "" : a.answer());
            tries.merge(a.exercise(), 1, Integer::sum);
        }
        return new Submission(sheet, student, answers, tries);
    }
}
