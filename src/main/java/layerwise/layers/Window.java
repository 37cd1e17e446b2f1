package layerwise.layers;

import java.util.List;

import layerwise.explain.Derivation;
import layerwise.explain.Expr;
import layerwise.ndarray.WindowAxis;

/**
 * The one rule for a window sliding along one axis, shared by every convolution and pooling layer
 * (tf.keras's conv_output_length), and its reverse for transposed convolutions (deconv_output_length).
 * With kernel K (dilated: K + (K − 1)(D − 1)), stride S and padding P:
 * <pre>
 *   valid:         O = ⌊(W − K + 2P)/S⌋ + 1   with P = 0
 *   same:          O = ⌈W/S⌉                 padding P = max((O − 1)·S + K − W, 0), split before/after
 *   causal:        O = ⌈W/S⌉                 padding P = K − 1, all before (the past)
 *   transposed:    O = W·S + max(K − S, 0)   ('valid'),  O = W·S  ('same')
 * </pre>
 */
final class Window {
    static final List<String> PADDINGS = List.of("valid", "same");
    static final List<String> PADDINGS_1D = List.of("valid", "same", "causal");

    private Window() {}

    /** Adds the output size of one axis to {@code d}, with the steps that lead to it. */
    static void dim(Derivation d, String axis, long w, int k, int s, int dilation, String padding) {
        Expr kernel = kernel(d, axis, k, dilation);
        Expr in = Expr.var("W", w), stride = Expr.var("S", s), out = out(in, kernel, stride, padding);
        if (padding.equals("valid")) {
            d.dim(axis, "O", out, s > 1 ? "rounded down: a window that would run past the edge is dropped" : "");
            return;
        }
        d.dim(axis, "O", out, "'" + padding + "' keeps ⌈W/S⌉ positions, rounded up");
        if (padding.equals("causal")) {
            d.step("", "P_left", causalPadding(kernel), "zeros added on the left only, so step t never sees a step after t");
            return;
        }
        Expr total = samePadding(in, kernel, stride, out);
        long p = total.value();
        d.step("", "P_total", total, "zeros added along " + axis + ": " + (p / 2) + " before, " + (p - p / 2) + " after");
    }

    /** The same rule in sizes, for the layer's forward pass: output size and padding before, of an input of w. */
    static WindowAxis axis(int w, int k, int s, int dilation, String padding) {
        Expr kernel = Expr.var("K_eff", effective(Expr.var("K", k), dilation).value());
        Expr in = Expr.var("W", w), stride = Expr.var("S", s), out = out(in, kernel, stride, padding);
        long before = switch (padding) {
            case "valid" -> 0;
            case "causal" -> causalPadding(kernel).value();
            default -> samePadding(in, kernel, stride, out).value() / 2;
        };
        return new WindowAxis(w, k, s, dilation, (int) before, (int) out.value());
    }

    /** 'valid': ⌊(W − K + 2P)/S⌋ + 1 with P = 0; 'same' and 'causal': ⌈W/S⌉. */
    private static Expr out(Expr in, Expr kernel, Expr stride, String padding) {
        if (padding.equals("valid")) return in.minus(kernel).plus(Expr.scaled(2, Expr.var("P", 0))).floorDiv(stride).plus(1);
        return in.ceilDiv(stride);
    }

    /** 'same': the zeros that make O windows fit, max((O − 1)·S + K − W, 0), half of them (rounded down) before. */
    private static Expr samePadding(Expr in, Expr kernel, Expr stride, Expr out) {
        return Expr.var("O", out.value()).minus(1).times(stride).plus(kernel).minus(in).max(0);
    }

    /** 'causal': K − 1 zeros, all before. */
    private static Expr causalPadding(Expr kernel) { return kernel.minus(1); }

    /**
     * Adds the output size of one axis of a transposed convolution without output padding (Keras's
     * output_padding=None): each input position spreads a K-wide patch into the output, S positions
     * after the previous one.
     */
    static void transposedDim(Derivation d, String axis, long w, int k, int s, int dilation, String padding) {
        Expr kernel = kernel(d, axis, k, dilation);
        Expr in = Expr.var("W", w), stride = Expr.var("S", s);
        if (padding.equals("same")) {
            d.dim(axis, "O", in.times(stride), "'same' makes the output exactly S times the input");
        } else {
            d.dim(axis, "O", in.times(stride).plus(kernel.minus(stride).max(0)), kernel.value() >= s
                    ? "each of the W inputs moves the output S further; the last patch overhangs by K − S"
                    : "each of the W inputs moves the output S further; patches of K < S leave gaps between them");
        }
    }

    /** The same with an output padding OP chosen: O = (W − 1)·S + K − 2·P + OP. */
    static void transposedDim(Derivation d, String axis, long w, int k, int s, int dilation, String padding, int outputPadding) {
        Expr kernel = kernel(d, axis, k, dilation);
        Expr in = Expr.var("W", w), stride = Expr.var("S", s);
        long pad = padding.equals("same") ? kernel.value() / 2 : 0;
        Expr p = Expr.var("P", pad), op = Expr.var("OP", outputPadding);
        d.dim(axis, "O", in.minus(1).times(stride).plus(kernel).minus(Expr.scaled(2, p)).plus(op),
                "output_padding adds OP = " + outputPadding + " at the end; P = " + (pad == 0 ? "0 for 'valid'" : "⌊K/2⌋ for 'same'"));
    }

    /** The kernel size as the window sees it: with dilation D its taps spread to K + (K − 1)(D − 1). */
    private static Expr kernel(Derivation d, String axis, int k, int dilation) {
        Expr kernel = Expr.var("K", k);
        if (dilation <= 1) return kernel;
        Expr effective = effective(kernel, dilation);
        d.step(axis, "K_eff", effective, "dilation D spreads the kernel's taps apart");
        return Expr.var("K_eff", effective.value());
    }

    private static Expr effective(Expr kernel, int dilation) {
        return dilation <= 1 ? kernel : kernel.plus(kernel.minus(1).times(Expr.var("D", dilation).minus(1)));
    }
}
