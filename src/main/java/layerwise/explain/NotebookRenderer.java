package layerwise.explain;

import static layerwise.explain.Html.escape;

import layerwise.explain.Derivation.Line;

/**
 * Writes an {@link Explanation} for notebooks: Markdown with LaTeX formulas (drawn where MathJax runs),
 * or HTML with MathML formulas, which browsers draw natively: in an exported page, offline, or in an
 * untrusted notebook. The HTML styles its tables with attributes that survive Jupyter's sanitizer.
 */
public final class NotebookRenderer {
    private NotebookRenderer() {}

    private static final String TABLE = "<table style=\"border-collapse: collapse; margin: 0 0 1em 0\">";
    private static final String CELL = "<td style=\"text-align: left; padding: 2px 8px; vertical-align: top\">";

    public static String markdown(Explanation e) {
        StringBuilder out = new StringBuilder();
        if (!e.title().isEmpty()) out.append("### ").append(e.title()).append("\n\n");
        for (Derivation d : e.layers()) {
            out.append("**").append(d.label()).append("**: ");
            if (d.isBackward()) {
                out.append(TextRenderer.backwardFlow(d)).append("\n\n");
            } else {
                out.append('`').append(d.inputs().size() == 1 ? d.inputs().get(0).withBatch() : d.inputs().toString())
                   .append("` → `").append(d.output().withBatch()).append("`\n\n");
            }
            for (Line line : d.lines()) out.append(markdownLine(line));
            out.append('\n');
        }
        for (String line : e.footer()) out.append(line).append("  \n");
        return out.toString();
    }

    private static String markdownLine(Line line) {
        if (line.kind() == Line.Kind.NOTE) return "- " + line.note() + "\n";
        if (line.kind() == Line.Kind.GRADIENT) {
            Gradient g = line.gradient();
            return "- " + (g.of().isEmpty() ? "" : g.of() + ": ") + "$" + latexSymbol(g.symbol()) + " = " + g.rule().latex()
                    + "$, shape $" + g.shapeWork(Notation.LATEX) + "$" + (g.note().isEmpty() ? "" : " (" + g.note() + ")") + "\n";
        }
        String text = "- " + (line.label().isEmpty() ? "$" : line.label() + ": $") + Explanation.formula(line, Notation.LATEX) + '$';
        return text + (line.note().isEmpty() ? "" : " (" + line.note() + ")") + "\n";
    }

    /** ∂L/∂W → \frac{\partial L}{\partial W}. */
    static String latexSymbol(String symbol) {
        if (!symbol.startsWith("∂L/∂")) return symbol;
        return "\\frac{\\partial L}{\\partial " + Notation.LATEX.symbol(symbol.substring(4)) + "}";
    }

    public static String html(Explanation e) {
        StringBuilder out = new StringBuilder("<div class=\"layerwise-explanation\">\n");
        if (!e.title().isEmpty()) out.append("<h4>").append(escape(e.title())).append("</h4>\n");
        for (Derivation d : e.layers()) {
            out.append("<p><b>").append(escape(TextRenderer.heading(d))).append("</b></p>\n").append(TABLE).append('\n');
            for (Line line : d.lines()) out.append("<tr>").append(htmlLine(line)).append("</tr>\n");
            out.append("</table>\n");
        }
        for (String line : e.footer()) out.append("<p>").append(escape(line)).append("</p>\n");
        return out.append("</div>\n").toString();
    }

    private static String htmlLine(Line line) {
        if (line.kind() == Line.Kind.NOTE) {
            return "<td colspan=\"3\" style=\"text-align: left; padding: 2px 8px\"><i>" + escape(line.note()) + "</i></td>";
        }
        if (line.kind() == Line.Kind.GRADIENT) {
            Gradient g = line.gradient();
            return CELL + escape(g.of()) + "</td>" + CELL + escape(g.symbol() + " = " + g.rule().text()) + "<br>shape "
                    + escape(g.shapeWork(Notation.TEXT)) + "</td>" + CELL + escape(g.note()) + "</td>";
        }
        return CELL + escape(line.label()) + "</td>" + CELL + math(Explanation.formula(line, Notation.MATHML)) + "</td>"
                + CELL + escape(line.note()) + "</td>";
    }

    /** A MathML formula, which the browser draws without any script; displaystyle keeps fractions full size. */
    static String math(String mathml) {
        return "<math display=\"inline\" displaystyle=\"true\"><mrow>" + mathml + "</mrow></math>";
    }
}
