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
        // Each operand is rendered once: rendering it again inside wrap() made the cost grow as 3^depth.
        String a = left.render(n, numbers), b = right.render(n, numbers);
        return switch (kind) {
            case PLUS -> a + n.op(" + ", " + ") + wrap(right, b, SUM + 1, n);
            case MINUS -> a + n.op(" − ", " - ") + wrap(right, b, SUM + 1, n);
            case TIMES -> wrap(left, a, PRODUCT, n) + n.op("×", " \\times ") + wrap(right, b, PRODUCT + 1, n);
            case SCALE -> numbers ? a + n.op("·", " \\cdot ") + wrap(right, b, PRODUCT + 1, n)
                                  : a + wrap(right, b, PRODUCT + 1, n);
            case DIV -> division(n, a, b);
            case FLOOR_DIV -> isPlainDivision() ? division(n, a, b) : brackets(n, division(n, a, b), "⌊", "⌋", "lfloor", "rfloor");
            case CEIL_DIV -> brackets(n, division(n, a, b), "⌈", "⌉", "lceil", "rceil");
            case MAX -> switch (n) {
                case TEXT -> "max(" + a + ", " + b + ")";
                case LATEX -> "\\max(" + a + ", " + b + ")";
                case MATHML -> "<mi>max</mi><mo>(</mo>" + a + "<mo>,</mo>" + b + "<mo>)</mo>";
            };
        };
    }

    private String division(Notation n, String a, String b) {
        if (n == Notation.LATEX) return "\\frac{" + a + "}{" + b + "}";
        if (n == Notation.MATHML) {
            boolean wrapTop = left.precedence() < PRODUCT, wrapBottom = right.precedence() < ATOM;
            return "<mfrac><mrow>" + n.plainOnly(wrapTop ? "(" : "") + a + n.plainOnly(wrapTop ? ")" : "") + "</mrow><mrow>"
                    + n.plainOnly(wrapBottom ? "/(" : "/") + b + n.plainOnly(wrapBottom ? ")" : "") + "</mrow></mfrac>";
        }
        return wrap(left, a, PRODUCT, n) + "/" + wrap(right, b, ATOM, n);
    }

    private static String brackets(Notation n, String inside, String open, String close, String texOpen, String texClose) {
        return switch (n) {
            case TEXT -> open + inside + close;
            case LATEX -> "\\left\\" + texOpen + " " + inside + " \\right\\" + texClose;
            case MATHML -> "<mrow><mo>" + open + "</mo>" + inside + "<mo>" + close + "</mo></mrow>";
        };
    }

    /** The operand's text {@code s}, in parentheses when it binds less tightly than its place needs. */
    private static String wrap(Expr e, String s, int needed, Notation n) {
        if (e.precedence() >= needed) return s;
        return switch (n) {
            case TEXT -> "(" + s + ")";
            case LATEX -> "\\left(" + s + "\\right)";
            case MATHML -> "<mrow><mo>(</mo>" + s + "<mo>)</mo></mrow>";
        };
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
