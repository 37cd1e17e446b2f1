package layerwise.kernel;

import static layerwise.explain.Html.escape;

import java.util.Locale;

import tech.tablesaw.api.Table;

/** A Tablesaw table as an HTML table, the first rows only when it is long (Tablesaw core has no HTML writer). */
final class TableHtml {
    private TableHtml() {}

    static String of(Table t, int maxRows) {
        StringBuilder out = new StringBuilder("<table>\n<thead><tr>");
        for (String name : t.columnNames()) out.append("<th>").append(escape(name)).append("</th>");
        out.append("</tr></thead>\n<tbody>\n");
        int rows = Math.min(t.rowCount(), maxRows);
        for (int r = 0; r < rows; r++) {
            out.append("<tr>");
            for (int c = 0; c < t.columnCount(); c++) out.append("<td>").append(escape(cell(t, r, c))).append("</td>");
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table>\n");
        if (rows < t.rowCount()) out.append("<p>").append(rows).append(" of ").append(t.rowCount()).append(" rows shown</p>\n");
        return out.toString();
    }

    /** Decimals to four places, as Keras prints its figures; everything else as Tablesaw prints it. */
    private static String cell(Table t, int r, int c) {
        Object v = t.column(c).isMissing(r) ? null : t.get(r, c);
        return v instanceof Double d ? String.format(Locale.ROOT, "%.4f", d)
                : v instanceof Float f ? String.format(Locale.ROOT, "%.4f", f) : t.getString(r, c);
    }
}
