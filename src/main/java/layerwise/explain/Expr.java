package layerwise.explain;

import java.util.List;

import layerwise.ndarray.Shape;

/**
 * A piece of arithmetic that knows its value and how to print itself, both with symbols and with the
 * numbers filled in. Every shape rule in Layerwise is one Expr, so the number a layer computes and the
 * formula it shows can never disagree:
 * <pre>
 *   Expr o = w.minus(k).plus(Expr.scaled(2, p)).floorDiv(s).plus(1);
 *   o.value()    = 148
 *   o.symbolic() = (W − K + 2P)/S + 1
 *   o.numeric()  = (150 − 3 + 2·0)/1 + 1
 * </pre>
 * A value of {@link Shape#NONE} means "not known until data arrives" and spreads through every result.
 */
public sealed interface Expr permits Expr.Var, Expr.Const, Op {

    /** The value, or Shape.NONE when an input is unknown. Throws ArithmeticException past Long.MAX_VALUE. */
    long value();

    /**
     * False when an input is unknown (None). A computed −1, e.g. 3 − 4, is known even though it equals
     * Shape.NONE, so a kernel larger than its input is reported instead of printed as None.
     */
    default boolean known() { return value() != Shape.NONE; }

    /** This formula written in a notation, with its symbols or with the numbers filled in. */
    String render(Notation notation, boolean numbers);

    /** How tightly this expression binds, so a parent knows when to add parentheses. */
    int precedence();

    default String symbolic() { return render(Notation.TEXT, false); }

    default String numeric() { return render(Notation.TEXT, true); }

    /** A named quantity with a known value, such as K = 3 or C_in = 16. */
    record Var(String symbol, long value) implements Expr {
        public String render(Notation n, boolean numbers) {
            if (!numbers) return n.symbol(symbol);
            if (value == Shape.NONE) return n == Notation.MATHML ? "<mi>None</mi>" : "None";
            return n.number(Long.toString(value));
        }
        public int precedence() { return Op.ATOM; }
    }

    /** A fixed number in a formula, such as the 1 in (W − K)/S + 1. */
    record Const(long value) implements Expr {
        public String render(Notation n, boolean numbers) { return n.number(Long.toString(value)); }
        public int precedence() { return Op.ATOM; }
    }

    static Var var(String symbol, long value) { return new Var(symbol, value); }

    static Const of(long value) { return new Const(value); }

    /** c times e written as a coefficient: 2P, and 2·0 with the numbers in. */
    static Expr scaled(long c, Expr e) { return new Op(Op.Kind.SCALE, of(c), e); }

    /** e1×e2×…; a single factor is returned as it is. */
    static Expr product(List<? extends Expr> factors) {
        Expr out = factors.get(0);
        for (int i = 1; i < factors.size(); i++) out = out.times(factors.get(i));
        return out;
    }

    /** e1 + e2 + …; a single term is returned as it is. */
    static Expr sum(List<? extends Expr> terms) {
        Expr out = terms.get(0);
        for (int i = 1; i < terms.size(); i++) out = out.plus(terms.get(i));
        return out;
    }

    default Expr plus(Expr o) { return new Op(Op.Kind.PLUS, this, o); }
    default Expr plus(long c) { return plus(of(c)); }
    default Expr minus(Expr o) { return new Op(Op.Kind.MINUS, this, o); }
    default Expr minus(long c) { return minus(of(c)); }
    default Expr times(Expr o) { return new Op(Op.Kind.TIMES, this, o); }
    default Expr times(long c) { return times(of(c)); }
    /** Division that the caller knows to be exact (60/12), written a/b with no rounding sign. */
    default Expr dividedBy(Expr o) { return new Op(Op.Kind.DIV, this, o); }
    /** Division rounded down, written ⌊a/b⌋ (plain a/b when b is 1, where rounding cannot matter). */
    default Expr floorDiv(Expr o) { return new Op(Op.Kind.FLOOR_DIV, this, o); }
    default Expr floorDiv(long c) { return floorDiv(of(c)); }
    /** Division rounded up, written ⌈a/b⌉. */
    default Expr ceilDiv(Expr o) { return new Op(Op.Kind.CEIL_DIV, this, o); }
    default Expr max(Expr o) { return new Op(Op.Kind.MAX, this, o); }
    default Expr max(long c) { return max(of(c)); }

    /** The terms of a sum, a + b + c → [a, b, c]; anything else is its own single term. Exercises give credit per term. */
    default List<Expr> terms() { return List.of(this); }

    /** The factors of a product, a×b×c → [a, b, c]; anything else is its own single factor. */
    default List<Expr> factors() { return List.of(this); }
}
