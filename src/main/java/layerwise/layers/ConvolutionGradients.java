package layerwise.layers;

import java.util.ArrayList;
import java.util.List;

import layerwise.explain.Derivation;
import layerwise.explain.Expr;
import layerwise.explain.Gradient;
import layerwise.ndarray.Shape;

/**
 * The backward pass of the convolutions, explained: a kernel gradient of the kernel's shape
 * (K_h×K_w×C_in×F), a bias gradient per filter, and ∂L/∂x as a transposed convolution.
 */
final class ConvolutionGradients {
    private ConvolutionGradients() {}

    static final String KERNEL_NOTE = "each kernel weight slid over every window of every sample: its gradient adds x(window)·∂L/∂z "
            + "over all of them, one number per weight, so the gradient has the kernel's shape";

    /** The channels of the input, from its channels axis. */
    static Expr channelsIn(Convolution<?> layer, Shape in) {
        return Expr.var("C_in", in.dim(layer.dataFormat.equals("channels_last") ? layer.rank : 0));
    }

    /** ∂L/∂z's symbol: ∂L/∂y itself when the layer has no activation. */
    static String z(Convolution<?> layer) { return layer.activation.equals("linear") ? "∂L/∂y" : "∂L/∂z"; }

    /** The plain convolution's kernel (K_h, K_w, C_in, F) and bias (F). */
    static List<Gradient> kernelAndBias(FilterConvolution<?> layer, Shape in, List<Expr> kernelVars) {
        List<Expr> shape = new ArrayList<>(kernelVars);
        shape.add(channelsIn(layer, in));
        Expr f = Expr.var("F", layer.filters);
        shape.add(f);
        List<Gradient> out = new ArrayList<>();
        out.add(Gradients.weight("kernel", "K", Gradients.rule("Σ over batch and positions of x(window) · " + z(layer),
                "\\sum_{n, p} x_{\\mathrm{window}} \\cdot \\frac{\\partial L}{\\partial z}"), shape, KERNEL_NOTE));
        if (layer.useBias) out.add(bias(layer, f));
        return out;
    }

    static Gradient bias(Convolution<?> layer, Expr channels) {
        return Gradients.weight("bias", "b", Gradients.rule("Σ over batch and positions of " + z(layer), "\\sum_{n, p} \\frac{\\partial L}{\\partial z}"),
                List.of(channels), "a filter's bias was added at every position: it collects that channel's gradient from all of them");
    }

    /** The whole backward derivation, with the layer's own weight gradients. */
    static Derivation derive(Convolution<?> layer, Shape in, List<Gradient> weights) {
        return derive(layer, in, weights, transposedInput(layer, in));
    }

    static Derivation derive(Convolution<?> layer, Shape in, List<Gradient> weights, Gradient input) {
        Derivation d = layer.startBackward(in);
        Activations.backwardStep(d, layer.activation, Gradient.batchOf(layer.outputShape(in)));
        weights.forEach(d::gradient);
        return d.gradient(input);
    }

    /** ∂L/∂x of a convolution: the transposed convolution of the output's gradient. */
    static Gradient transposedInput(Convolution<?> layer, Shape in) {
        return Gradients.input(in, Gradients.rule("transposed convolution of " + z(layer) + " with the kernel, stride "
                        + Options.tuple(layer.strides), "\\frac{\\partial L}{\\partial z} \\circledast^{\\top} K"),
                "each input number sat in several windows: it collects the gradient of every output whose window covered it, "
                        + "weighted by the kernel tap that touched it; the transposed convolution also grows the shape back to the input's");
    }
}
