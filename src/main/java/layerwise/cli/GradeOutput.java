package layerwise.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.gson.GsonBuilder;

import layerwise.chart.GradeTable;
import layerwise.exercise.Grading;

/** The grade reports in the format asked for: text, json, csv (one Tablesaw table) or Gradescope's results.json. */
final class GradeOutput {
    static final List<String> FORMATS = List.of("text", "json", "csv", "gradescope");

    private GradeOutput() {}

    /** "json,csv" → [json, csv], each one of {@link #FORMATS}. */
    static List<String> formats(String list) {
        List<String> out = new ArrayList<>();
        for (String f : list.split(",")) {
            String format = f.strip();
            if (!FORMATS.contains(format)) throw new UsageException("grade: --format must be text, json, csv or gradescope, got '" + format + "'");
            if (!out.contains(format)) out.add(format);
        }
        return out;
    }

    /** Where a format goes: the first to FILE itself, the others beside it (grades.json → grades.csv, grades.gradescope.json). */
    static Path beside(Path file, String format, boolean first) {
        if (first) return file;
        String name = file.getFileName().toString().replaceAll("\\.(json|csv|txt)$", "");
        String ext = switch (format) {
            case "csv" -> ".csv";
            case "json" -> ".json";
            case "gradescope" -> ".gradescope.json";
            default -> ".txt";
        };
        return file.resolveSibling(name + ext);
    }

    static String render(List<Grading.Report> reports, String format) {
        return switch (format) {
            case "json" -> json(reports);
            case "csv" -> table(reports).toCsv();
            case "gradescope" -> gradescope(reports);
            default -> text(reports);
        };
    }

    private static String text(List<Grading.Report> reports) {
        StringBuilder out = new StringBuilder();
        for (Grading.Report r : reports) out.append(r.toText()).append('\n');
        if (reports.size() > 1) out.append(table(reports).toText()).append('\n');
        return out.toString();
    }

    /** One notebook gives one object; several give a list of them. */
    private static String json(List<Grading.Report> reports) {
        Object value = reports.size() == 1 ? reports.get(0).toJsonMap() : reports.stream().map(Grading.Report::toJsonMap).toList();
        return gson(value);
    }

    /** The table's own columns; a question with one of these ids gets the column "question total". */
    private static final Set<String> RESERVED = Set.of("notebook", "student_id", "total", "max", "reason");

    static GradeTable table(List<Grading.Report> reports) {
        Set<String> ids = new LinkedHashSet<>();
        for (Grading.Report r : reports) r.exercises().forEach(row -> ids.add(column(row.id())));
        GradeTable t = new GradeTable(new ArrayList<>(ids));
        for (Grading.Report r : reports) {
            Map<String, Double> points = new LinkedHashMap<>();
            r.exercises().forEach(row -> points.put(column(row.id()), row.points()));
            t.add(r.notebook(), r.studentId(), points, r.total(), r.max(), r.reason());
        }
        return t;
    }

    private static String column(String id) { return RESERVED.contains(id) ? "question " + id : id; }

    /**
     * Gradescope's results.json for each notebook: its score and one test per question. One notebook
     * gives the object Gradescope reads; several give a list of them, one per student, never a sum.
     */
    private static String gradescope(List<Grading.Report> reports) {
        if (reports.size() == 1) return gradescope(reports.get(0));
        return gson(reports.stream().map(GradeOutput::results).toList());
    }

    static String gradescope(Grading.Report r) { return gson(results(r)); }

    private static Map<String, Object> results(Grading.Report r) {
        List<Map<String, Object>> tests = new ArrayList<>();
        for (Grading.Row row : r.exercises()) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("name", row.id());
            t.put("score", row.points());
            t.put("max_score", row.max());
            t.put("status", row.points() >= row.max() ? "passed" : "failed");
            t.put("output", row.feedback());
            tests.add(t);
        }
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("score", r.total());
        results.put("output", Grading.points(r.total()) + " / " + Grading.points(r.max()) + " points" + (r.reason().isEmpty() ? "" : " (" + r.reason() + ")"));
        results.put("tests", tests);
        results.put("extra_data", Map.of("student_id", r.studentId(), "notebook", r.notebook(), "sheet", r.sheet()));
        return results;
    }

    private static String gson(Object value) {
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(value) + "\n";
    }
}
