package layerwise.train;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/**
 * How an optimizer changes one weight in the coming step: its formulas with the numbers filled in,
 * and the new value they give, computed in float exactly as the step will compute it.
 * <pre>
 *   w′ = w − lr×g = 0.0132 − 0.1×(−0.0457) = 0.0178
 * </pre>
 */
public record WorkedUpdate(List<String> lines, double predicted) {

    /** For an optimizer that does not write out its formula: only the values before and after are shown. */
    public static WorkedUpdate unexplained() { return new WorkedUpdate(List.of(), Double.NaN); }

    /** A number with 4 significant digits, written out in full, with a real minus sign: −0.004570. */
    public static String num(double v) {
        if (v == 0) return "0";
        if (!Double.isFinite(v)) return Double.toString(v);
        String s = new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
        return s.replace('-', '−');
    }

    /** The number as it appears after an operator: negatives in parentheses, 0.1×(−0.0457). */
    public static String arg(double v) { return v < 0 ? "(" + num(v) + ")" : num(v); }
}
