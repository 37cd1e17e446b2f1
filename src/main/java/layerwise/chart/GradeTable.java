package layerwise.chart;

import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The grades of several notebooks as one Tablesaw table: one row per notebook with its student id,
 * the points of each exercise, the total, the maximum and the reason a run stopped early (if any).
 * Written as CSV for spreadsheets, or printed.
 */
public final class GradeTable {
    private final List<String> exerciseIds;
    private final Table table;

    public GradeTable(List<String> exerciseIds) {
        this.exerciseIds = List.copyOf(exerciseIds);
        this.table = Table.create("grades");
        table.addColumns(StringColumn.create("notebook"), StringColumn.create("student_id"));
        for (String id : exerciseIds) table.addColumns(DoubleColumn.create(id));
        table.addColumns(DoubleColumn.create("total"), DoubleColumn.create("max"), StringColumn.create("reason"));
    }

    /** Adds a notebook's row; an exercise missing from {@code points} counts 0. */
    public GradeTable add(String notebook, String studentId, Map<String, Double> points, double total, double max, String reason) {
        table.stringColumn("notebook").append(notebook);
        table.stringColumn("student_id").append(studentId);
        for (String id : exerciseIds) table.doubleColumn(id).append(points.getOrDefault(id, 0.0));
        table.doubleColumn("total").append(total);
        table.doubleColumn("max").append(max);
        table.stringColumn("reason").append(reason == null ? "" : reason);
        return this;
    }

    public Table table() { return table; }

    public String toCsv() {
        StringWriter out = new StringWriter();
        table.write().csv(out);
        return out.toString();
    }

    /** Tablesaw's printed form, every row shown. */
    public String toText() { return table.printAll(); }
}
