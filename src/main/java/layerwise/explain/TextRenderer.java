package layerwise.explain;

import layerwise.explain.Derivation.Line;
import layerwise.ndarray.Shape;

/** Writes an {@link Explanation} as aligned plain text for terminals and JShell. */
public final class TextRenderer {
    private TextRenderer() {}

    public static String render(Explanation e) {
        StringBuilder out = new StringBuilder();
        if (!e.title().isEmpty()) out.append(e.title()).append("\n\n");
        for (Derivation d : e.layers()) {
            out.append(layer(d)).append('\n');
        }
        for (String line : e.footer()) out.append(line).append('\n');
        return out.toString();
    }

    /** One layer: a heading with the shapes, then one line per formula. */
    public static String layer(Derivation d) {
        StringBuilder out = new StringBuilder(heading(d)).append('\n');
        int width = d.lines().stream().mapToInt(l -> l.label().length()).max().orElse(0);
        for (Line line : d.lines()) {
            out.append("  ");
            if (line.kind() == Line.Kind.NOTE) {
                out.append(line.note());
            } else {
                out.append(pad(line.label(), width)).append("  ").append(Explanation.formula(line, Notation.TEXT));
                if (!line.note().isEmpty()) out.append("   (").append(line.note()).append(')');
            }
            out.append('\n');
        }
        return out.toString();
    }

    static String heading(Derivation d) {
        String in = d.inputs().size() == 1 ? d.inputs().get(0).withBatch() : inputs(d);
        return d.label() + "  " + in + " → " + d.output().withBatch();
    }

    private static String inputs(Derivation d) {
        StringBuilder s = new StringBuilder("[");
        for (Shape shape : d.inputs()) s.append(s.length() > 1 ? ", " : "").append(shape.withBatch());
        return s.append(']').toString();
    }

    private static String pad(String s, int width) { return s + " ".repeat(width - s.length()); }
}
