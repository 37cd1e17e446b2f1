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

    /** One exercise's line of a report: also the answer as typed, the question, and the worked formula on the student's numbers. */
    public record Row(String id, double points, double max, String feedback, String answer, String question, String formula) {
        public Row(String id, double points, double max, String feedback) { this(id, points, max, feedback, "", "", ""); }
    }

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

        /** The same report with another note added to its reason. */
        public Report flagged(String note) {
            return new Report(notebook, studentId, sheet, exercises, total, max, reason.isEmpty() ? note : reason + "; " + note);
        }

        /** The answers as typed, by exercise, leaving out blank ones: to spot two notebooks with the same answers. */
        public Map<String, String> answers() {
            Map<String, String> out = new LinkedHashMap<>();
            for (Row r : exercises) if (!r.answer().isBlank()) out.put(r.id(), new Answer(r.answer()).words());
            return out;
        }

        /** A page for the student: each question, their answer, the points, what was wrong, and the worked formula with their numbers. */
        public String toHtml() { return FeedbackPage.of(this); }

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
            String formula = f.formula().isEmpty() ? e.solution() : f.formula();
            rows.add(new Row(e.id(), f.points(), f.max(), f.summary(), answer == null ? "" : answer, e.question(), formula));
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
