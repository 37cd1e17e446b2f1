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
            } else if (line.kind() == Line.Kind.GRADIENT) {
                gradient(out, line.gradient(), width);
                continue;
            } else {
                out.append(pad(line.label(), width)).append("  ").append(Explanation.formula(line, Notation.TEXT));
                if (!line.note().isEmpty()) out.append("   (").append(line.note()).append(')');
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** "kernel  ∂L/∂W = xᵀ · ∂L/∂z   shape (d_in × units) = (784 × 10)", and the why on the next line. */
    private static void gradient(StringBuilder out, Gradient g, int width) {
        out.append(pad(g.of(), width)).append("  ").append(g.symbol()).append(" = ").append(g.rule().text())
           .append("   shape ").append(g.shapeWork(Notation.TEXT)).append('\n');
        if (!g.note().isEmpty()) out.append("  ").append(" ".repeat(width + 2)).append(g.note()).append('\n');
    }

    static String heading(Derivation d) {
        if (d.isBackward()) {
            return d.label() + "  " + backwardFlow(d);
        }
        String in = d.inputs().size() == 1 ? d.inputs().get(0).withBatch() : inputs(d);
        return d.label() + "  " + in + " → " + d.output().withBatch();
    }

    /** "∂L/∂y (None, 10) → ∂L/∂x (None, 784)", or "L (one number) → ∂L/∂ŷ (None, 10)" for the loss. */
    static String backwardFlow(Derivation d) {
        Shape gradOut = d.inputs().get(0);
        String from = gradOut.rank() == 0 ? "L (one number)" : "∂L/∂y " + gradOut.withBatch();
        return from + " → " + (gradOut.rank() == 0 ? "∂L/∂ŷ " : "∂L/∂x ") + d.output().withBatch();
    }

    private static String inputs(Derivation d) {
        StringBuilder s = new StringBuilder("[");
        for (Shape shape : d.inputs()) s.append(s.length() > 1 ? ", " : "").append(shape.withBatch());
        return s.append(']').toString();
    }

    private static String pad(String s, int width) { return s + " ".repeat(width - s.length()); }
}
