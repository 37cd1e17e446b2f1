package layerwise.explain;

import java.util.ArrayList;
import java.util.List;

import layerwise.ndarray.Shape;

/**
 * One gradient of a layer's backward pass: which array it belongs to, the rule that computes it, and its
 * shape written with the same {@link Expr} variables as the forward derivation, so the shape printed
 * and the shape computed are one formula.
 * <pre>
 *   kernel  ∂L/∂W = xᵀ · ∂L/∂z   (d_in × units) = (784 × None) · (None × 10) = (784 × 10)
 * </pre>
 * {@code of} is a weight's name as in params() ("kernel", "bias"), {@link #INPUT} for ∂L/∂x, or ""
 * for a step on the way (∂L/∂z). {@code product} lists the shapes of a matrix product's operands.
 */
public record Gradient(String of, String symbol, Rule rule, List<Expr> shape, List<List<Expr>> product, String note) {
    public static final String INPUT = "input";
    /** The loss's gradient with respect to the model's output. */
    public static final String OUTPUT = "output";

    /** A rule written twice: Unicode for text and HTML, LaTeX for Markdown. */
    public record Rule(String text, String latex) {}

    public Gradient {
        shape = List.copyOf(shape);
        product = product.stream().map(List::copyOf).toList();
    }

    public static Gradient of(String of, String symbol, Rule rule, List<Expr> shape, String note) {
        return new Gradient(of, symbol, rule, shape, List.of(), note);
    }

    /** The batch axis of an activation gradient: N, printed None until data arrives. */
    public static Expr batch() { return Expr.var("N", Shape.NONE); }

    /** (N, d1, d2, …): a batch of arrays of shape {@code s}, each axis a known number. */
    public static List<Expr> batchOf(Shape s) {
        List<Expr> dims = new ArrayList<>(List.of(batch()));
        for (long d : s.dims()) dims.add(Expr.of(d));
        return dims;
    }

    /** The sizes of the axes; the batch axis, unknown, is Shape.NONE. */
    public long[] dims() { return shape.stream().mapToLong(Expr::value).toArray(); }

    /** How many numbers the gradient holds per sample (the batch axis counts once). */
    public Expr count() {
        List<Expr> known = shape.stream().filter(Expr::known).toList();
        return known.isEmpty() ? Expr.of(1) : Expr.product(known);
    }

    public boolean isWeight() { return !of.isEmpty() && !of.startsWith(INPUT) && !of.equals(OUTPUT); }

    /** "(d_in × units) = (784 × None) · (None × 10) = (784 × 10)", each form once. */
    public String shapeWork(Notation n) {
        List<String> parts = new ArrayList<>();
        String symbolic = tuple(shape, n, false), numeric = tuple(shape, n, true);
        parts.add(symbolic);
        if (!product.isEmpty()) {
            List<String> factors = product.stream().map(f -> tuple(f, n, true)).toList();
            parts.add(String.join(n == Notation.LATEX ? " \\cdot " : " · ", factors));
        }
        if (!parts.contains(numeric)) parts.add(numeric);
        return String.join(" = ", parts);
    }

    static String tuple(List<Expr> dims, Notation n, boolean numbers) {
        String times = n == Notation.LATEX ? " \\times " : " × ";
        List<String> parts = dims.stream().map(e -> e.render(n, numbers)).toList();
        String inner = String.join(times, parts);
        return n == Notation.LATEX ? "\\left(" + inner + "\\right)" : "(" + inner + ")";
    }
}
