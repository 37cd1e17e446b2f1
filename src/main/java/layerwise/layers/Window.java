package layerwise.layers;

import java.util.List;

import layerwise.explain.Derivation;
import layerwise.explain.Expr;

/**
 * The one rule for a window sliding along one axis, shared by every convolution and pooling layer
 * (tf.keras's conv_output_length). With kernel K (dilated: K + (K − 1)(D − 1)), stride S and
 * padding P:
 * <pre>
 *   valid:         O = ⌊(W − K + 2P)/S⌋ + 1   with P = 0
 *   same, causal:  O = ⌈W/S⌉                 padding P = max((O − 1)·S + K − W, 0)
 * </pre>
 */
final class Window {
    static final List<String> PADDINGS = List.of("valid", "same");
    static final List<String> PADDINGS_1D = List.of("valid", "same", "causal");

    private Window() {}

    /** Adds the output size of one axis to {@code d}, with the steps that lead to it. */
    static void dim(Derivation d, String axis, long w, int k, int s, int dilation, String padding) {
        Expr kernel = Expr.var("K", k);
        if (dilation > 1) {
            Expr effective = kernel.plus(kernel.minus(1).times(Expr.var("D", dilation).minus(1)));
            d.step(axis, "K_eff", effective, "dilation D spreads the kernel's taps apart");
            kernel = Expr.var("K_eff", effective.value());
        }
        Expr in = Expr.var("W", w), stride = Expr.var("S", s);
        if (padding.equals("valid")) {
            Expr out = in.minus(kernel).plus(Expr.scaled(2, Expr.var("P", 0))).floorDiv(stride).plus(1);
            d.dim(axis, "O", out, s > 1 ? "rounded down: a window that would run past the edge is dropped" : "");
            return;
        }
        Expr out = in.ceilDiv(stride);
        d.dim(axis, "O", out, "'" + padding + "' keeps ⌈W/S⌉ positions, rounded up");
        Expr total = Expr.var("O", out.value()).minus(1).times(stride).plus(kernel).minus(in).max(0);
        long p = total.value();
        String where = padding.equals("causal")
                ? "all " + p + " on the left, so no step sees the future"
                : (p / 2) + " before, " + (p - p / 2) + " after";
        d.step("", "P_total", total, "zeros added along " + axis + ": " + where);
    }
}
