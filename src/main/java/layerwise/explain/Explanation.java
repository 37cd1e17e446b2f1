package layerwise.explain;

import java.util.ArrayList;
import java.util.List;

import layerwise.explain.Derivation.Line;

/**
 * The layer-by-layer trace of a model (or of one layer): for each layer its input and output shapes and
 * every formula with the numbers filled in. Prints as plain text, Markdown with LaTeX, or HTML.
 */
public final class Explanation {
    private final String title;
    private final List<Derivation> layers;
    private final List<String> footer;

    public Explanation(String title, List<Derivation> layers, List<String> footer) {
        this.title = title;
        this.layers = List.copyOf(layers);
        this.footer = List.copyOf(footer);
    }

    public String title() { return title; }
    public List<Derivation> layers() { return layers; }
    public List<String> footer() { return footer; }

    public String toText() { return TextRenderer.render(this); }
    public String toMarkdown() { return NotebookRenderer.markdown(this); }
    public String toHtml() { return NotebookRenderer.html(this); }

    /** Prints the plain-text trace, as Keras's printing methods do. */
    public void print() { System.out.print(toText()); }

    @Override public String toString() { return toText(); }

    /** A line's formula as plain text, for pictures and messages: "O = ⌈W/S⌉ = ⌈7/2⌉ = 4". */
    public static String formulaText(Line line) { return formula(line, Notation.TEXT); }

    /** "O = (W − K + 2P)/S + 1 = (150 − 3 + 2·0)/1 + 1 = 148": each form once, the result grouped by thousands. */
    static String formula(Line line, Notation n) {
        List<String> parts = new ArrayList<>();
        if (!line.lhs().isEmpty()) parts.add(n.symbol(line.lhs()));
        Expr e = line.expr();
        for (String part : List.of(e.render(n, false), e.render(n, true))) {
            if (!parts.contains(part)) parts.add(part);
        }
        // 1287 and 1,287 are the same number: print the grouped result only when it adds a step
        String result = result(e, n);
        if (!parts.contains(result.replace(",", "").replace("{}", ""))) parts.add(result);
        return String.join(n.op(" = ", " = "), parts);
    }

    static String result(Expr e, Notation n) {
        if (!e.known()) return n == Notation.MATHML ? "<mi>None</mi>" : "None";
        return n.number(thousands(e.value()));
    }

    /**
     * 9470464 → "9,470,464", as String.format("%,d") writes it in English; written out by hand because
     * format builds a new locale-aware formatter on every call, which made explain() of big models slow.
     */
    public static String thousands(long n) {
        String digits = Long.toString(n);
        int start = n < 0 ? 1 : 0, len = digits.length() - start;
        if (len <= 3) return digits;
        StringBuilder out = new StringBuilder(digits.length() + len / 3).append(digits, 0, start);
        int first = len % 3 == 0 ? 3 : len % 3;
        out.append(digits, start, start + first);
        for (int i = start + first; i < digits.length(); i += 3) out.append(',').append(digits, i, i + 3);
        return out.toString();
    }
}
