package layerwise.explain;

import java.util.ArrayList;
import java.util.List;

import layerwise.ndarray.Shape;

/** One arithmetic step of an {@link Expr}: its kind, its two operands and the value they give. */
final class Op implements Expr {
    static final int SUM = 1, PRODUCT = 2, ATOM = 3;

    enum Kind { PLUS, MINUS, TIMES, SCALE, DIV, FLOOR_DIV, CEIL_DIV, MAX }

    private final Kind kind;
    private final Expr left, right;
    private final long value;
    private final boolean known;

    Op(Kind kind, Expr left, Expr right) {
        this.kind = kind;
        this.left = left;
        this.right = right;
        this.known = left.known() && right.known();
        this.value = known ? compute(kind, left.value(), right.value()) : Shape.NONE;
    }

    private static long compute(Kind kind, long a, long b) {
        return switch (kind) {
            case PLUS -> Math.addExact(a, b);
            case MINUS -> Math.subtractExact(a, b);
            case TIMES, SCALE -> Math.multiplyExact(a, b);
            case DIV, FLOOR_DIV -> Math.floorDiv(a, b);
            case CEIL_DIV -> -Math.floorDiv(-a, b);
            case MAX -> Math.max(a, b);
        };
    }

    @Override public long value() { return value; }

    @Override public boolean known() { return known; }

    @Override
    public int precedence() {
        return switch (kind) {
            case PLUS, MINUS -> SUM;
            case TIMES, SCALE, DIV -> PRODUCT;
            case FLOOR_DIV -> isPlainDivision() ? PRODUCT : ATOM;
            case CEIL_DIV, MAX -> ATOM;
        };
    }

    private boolean isPlainDivision() { return right.value() == 1; }

    @Override
    public String render(Notation n, boolean numbers) {
        boolean tex = n == Notation.LATEX;
        // Each operand is rendered once: rendering it again inside wrap() made the cost grow as 3^depth.
        String a = left.render(n, numbers), b = right.render(n, numbers);
        return switch (kind) {
            case PLUS -> a + " + " + wrap(right, b, SUM + 1, n);
            case MINUS -> a + (tex ? " - " : " − ") + wrap(right, b, SUM + 1, n);
            case TIMES -> wrap(left, a, PRODUCT, n) + (tex ? " \\times " : "×") + wrap(right, b, PRODUCT + 1, n);
            case SCALE -> numbers ? a + (tex ? " \\cdot " : "·") + wrap(right, b, PRODUCT + 1, n)
                                  : a + wrap(right, b, PRODUCT + 1, n);
            case DIV -> division(n, a, b);
            case FLOOR_DIV -> isPlainDivision() ? division(n, a, b) : floor(n, division(n, a, b));
            case CEIL_DIV -> tex ? "\\left\\lceil " + division(n, a, b) + " \\right\\rceil" : "⌈" + division(n, a, b) + "⌉";
            case MAX -> (tex ? "\\max(" : "max(") + a + ", " + b + ")";
        };
    }

    private String division(Notation n, String a, String b) {
        if (n == Notation.LATEX) return "\\frac{" + a + "}{" + b + "}";
        return wrap(left, a, PRODUCT, n) + "/" + wrap(right, b, ATOM, n);
    }

    private static String floor(Notation n, String inside) {
        return n == Notation.LATEX ? "\\left\\lfloor " + inside + " \\right\\rfloor" : "⌊" + inside + "⌋";
    }

    /** The operand's text {@code s}, in parentheses when it binds less tightly than its place needs. */
    private static String wrap(Expr e, String s, int needed, Notation n) {
        if (e.precedence() >= needed) return s;
        return n == Notation.LATEX ? "\\left(" + s + "\\right)" : "(" + s + ")";
    }

    @Override
    public List<Expr> terms() {
        if (kind != Kind.PLUS) return List.of(this);
        List<Expr> out = new ArrayList<>(left.terms());
        out.add(right);
        return out;
    }

    @Override
    public List<Expr> factors() {
        if (kind != Kind.TIMES) return List.of(this);
        List<Expr> out = new ArrayList<>(left.factors());
        out.addAll(right.factors());
        return out;
    }

    @Override public String toString() { return symbolic() + " = " + numeric() + " = " + value; }
}
