package layerwise.explain;

import layerwise.explain.Derivation.Line;

/** Writes an {@link Explanation} for notebooks: Markdown with LaTeX formulas, or an HTML table. */
public final class NotebookRenderer {
    private NotebookRenderer() {}

    public static String markdown(Explanation e) {
        StringBuilder out = new StringBuilder();
        if (!e.title().isEmpty()) out.append("### ").append(e.title()).append("\n\n");
        for (Derivation d : e.layers()) {
            out.append("**").append(d.label()).append("**: `").append(d.inputs().size() == 1
                    ? d.inputs().get(0).withBatch() : d.inputs().toString())
               .append("` → `").append(d.output().withBatch()).append("`\n\n");
            for (Line line : d.lines()) {
                if (line.kind() == Line.Kind.NOTE) {
                    out.append("- ").append(line.note()).append('\n');
                } else {
                    out.append("- ").append(line.label().isEmpty() ? "$" : line.label() + ": $").append(Explanation.formula(line, Notation.LATEX)).append('$');
                    if (!line.note().isEmpty()) out.append(" (").append(line.note()).append(')');
                    out.append('\n');
                }
            }
            out.append('\n');
        }
        for (String line : e.footer()) out.append(line).append("  \n");
        return out.toString();
    }

    public static String html(Explanation e) {
        StringBuilder out = new StringBuilder("<div class=\"layerwise-explanation\">\n");
        if (!e.title().isEmpty()) out.append("<h4>").append(escape(e.title())).append("</h4>\n");
        for (Derivation d : e.layers()) {
            out.append("<p><b>").append(escape(TextRenderer.heading(d))).append("</b></p>\n<table>\n");
            for (Line line : d.lines()) {
                out.append("<tr>");
                if (line.kind() == Line.Kind.NOTE) {
                    out.append("<td colspan=\"3\"><i>").append(escape(line.note())).append("</i></td>");
                } else {
                    out.append("<td>").append(escape(line.label())).append("</td><td><code>")
                       .append(escape(Explanation.formula(line, Notation.TEXT))).append("</code></td><td>")
                       .append(escape(line.note())).append("</td>");
                }
                out.append("</tr>\n");
            }
            out.append("</table>\n");
        }
        for (String line : e.footer()) out.append("<p>").append(escape(line)).append("</p>\n");
        return out.append("</div>\n").toString();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
