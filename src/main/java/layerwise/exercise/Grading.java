package layerwise.exercise;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.GsonBuilder;

/**
 * Scores a notebook's answers against the grader's own copy of the sheet. The points are computed
 * here, from the answers as typed; what the notebook printed or claimed plays no part.
 */
public final class Grading {
    private Grading() {}

    /** One exercise's line of a report. */
    public record Row(String id, double points, double max, String feedback) {}

    /** A notebook's grade: per-exercise points, the total, and why the run stopped early, if it did. */
    public record Report(String notebook, String studentId, String sheet, List<Row> exercises, double total, double max,
                         String reason) {
        public Report {
            exercises = List.copyOf(exercises);
            reason = reason == null ? "" : reason;
        }

        /** {"notebook", "student_id", "sheet", "exercises":[{"id","points","max","feedback"}], "total", "max", "reason"}. */
        public Map<String, Object> toJsonMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("notebook", notebook);
            m.put("student_id", studentId);
            m.put("sheet", sheet);
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Row r : exercises) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", r.id());
                row.put("points", r.points());
                row.put("max", r.max());
                row.put("feedback", r.feedback());
                rows.add(row);
            }
            m.put("exercises", rows);
            m.put("total", total);
            m.put("max", max);
            m.put("reason", reason);
            return m;
        }

        public String toJson() { return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(toJsonMap()); }

        /** The points per exercise as an aligned table, then the total and the reason. */
        public String toText() {
            StringBuilder out = new StringBuilder(notebook + "  (student " + (studentId.isEmpty() ? "-" : studentId)
                    + ", sheet " + sheet + ")\n");
            int width = exercises.stream().mapToInt(r -> r.id().length()).max().orElse(2);
            for (Row r : exercises) {
                out.append(String.format("  %-" + width + "s  %5s / %-4s %s%n", r.id(), points(r.points()), points(r.max()), r.feedback()));
            }
            out.append(String.format("  %-" + width + "s  %5s / %s%n", "total", points(total), points(max)));
            if (!reason.isEmpty()) out.append("  note: ").append(reason).append('\n');
            return out.toString();
        }
    }

    /** Grades the answers (exercise id → answer as typed) against {@code sheet}; unanswered exercises give 0. */
    public static Report grade(String notebook, Exercises sheet, Map<String, String> answers, String reason) {
        List<Row> rows = new ArrayList<>();
        double total = 0;
        for (Exercise e : sheet) {
            String answer = answers.get(e.id());
            Feedback f = answer == null
                    ? new Feedback(e.id(), Feedback.Verdict.NO_ANSWER, 0, e.max(), "", List.of("not answered"), "")
                    : e.grade(answer);
            rows.add(new Row(e.id(), f.points(), f.max(), f.summary()));
            total += f.points();
        }
        return new Report(notebook, sheet.studentId(), sheet.name(), rows, round(total), round(sheet.max()), reason);
    }

    static double round(double points) { return Math.round(points * 100) / 100.0; }

    /** "2", "1.5", "0.67": points without a trailing ".0". */
    public static String points(double p) {
        double r = round(p);
        return r == Math.rint(r) ? Long.toString((long) r) : Double.toString(r);
    }
}
