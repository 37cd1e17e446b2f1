package layerwise.cli;

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
    private GradeOutput() {}

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

    static GradeTable table(List<Grading.Report> reports) {
        Set<String> ids = new LinkedHashSet<>();
        for (Grading.Report r : reports) r.exercises().forEach(row -> ids.add(row.id()));
        GradeTable t = new GradeTable(new ArrayList<>(ids));
        for (Grading.Report r : reports) {
            Map<String, Double> points = new LinkedHashMap<>();
            r.exercises().forEach(row -> points.put(row.id(), row.points()));
            t.add(r.notebook(), r.studentId(), points, r.total(), r.max(), r.reason());
        }
        return t;
    }

    /** Gradescope's autograder results.json: a total score and one test per exercise with score, max_score, name, output. */
    private static String gradescope(List<Grading.Report> reports) {
        List<Map<String, Object>> tests = new ArrayList<>();
        double score = 0;
        StringBuilder output = new StringBuilder();
        for (Grading.Report r : reports) {
            score += r.total();
            output.append(r.notebook()).append(": ").append(Grading.points(r.total())).append('/').append(Grading.points(r.max()));
            if (!r.reason().isEmpty()) output.append(" (").append(r.reason()).append(')');
            output.append('\n');
            for (Grading.Row row : r.exercises()) {
                Map<String, Object> t = new LinkedHashMap<>();
                t.put("name", reports.size() == 1 ? row.id() : r.notebook() + ": " + row.id());
                t.put("score", row.points());
                t.put("max_score", row.max());
                t.put("status", row.points() >= row.max() ? "passed" : "failed");
                t.put("output", row.feedback());
                tests.add(t);
            }
        }
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("score", Math.round(score * 100) / 100.0);
        results.put("output", output.toString());
        results.put("tests", tests);
        return gson(results);
    }

    private static String gson(Object value) {
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(value) + "\n";
    }
}
