package layerwise.layers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import layerwise.explain.Derivation;
import layerwise.explain.Expr;
import layerwise.explain.Gradient;
import layerwise.ndarray.NDArray;
import layerwise.ndarray.Patches;
import layerwise.ndarray.Shape;

/**
 * A depthwise convolution: each input channel gets its own M filters of K_h×K_w, and channels never mix.
 * O per axis as Conv2D; C_out = C_in×M; params = K_h×K_w×C_in×M + C_in×M.
 * Input shape: (rows, cols, C_in). Output shape: (rows_out, cols_out, C_in×M).
 */
public final class DepthwiseConv2D extends Convolution<DepthwiseConv2D> {
    private int depthMultiplier = 1;
    private Param weights, biases;
    private Patches.Geometry saved;
    /** The windows channel by channel, (C, rows, K_h·K_w): see DepthwiseMath.byChannel. */
    private NDArray savedCols;

    /** {@code new DepthwiseConv2D(3)}: one 3×3 filter per input channel. */
    public DepthwiseConv2D(int kernelSize) { this(kernelSize, 1); }

    /** {@code new DepthwiseConv2D(3, 2)}: as Keras's DepthwiseConv2D(3, 2), a 3×3 kernel with strides 2. */
    public DepthwiseConv2D(int kernelSize, int strides) { super(2, kernelSize, strides); }

    /** M, the number of filters per input channel (Keras's depth_multiplier, default 1). */
    public DepthwiseConv2D depthMultiplier(int m) {
        checkNotBuilt();
        depthMultiplier = Options.positive(label(), "depth_multiplier", m)[0];
        return this;
    }

    public int depthMultiplier() { return depthMultiplier; }

    @Override
    protected void outChannels(Derivation d, long cIn) {
        d.dim("channels", "C_out", Expr.var("C_in", cIn).times(Expr.var("M", depthMultiplier)),
                "each input channel keeps its own " + depthMultiplier + " output channel(s); channels are not mixed");
    }

    /** Backward: each channel's own K_h×K_w×M kernel gets its gradient from that channel alone. */
    @Override
    protected Derivation deriveBackward(Shape in) {
        List<Expr> shape = new ArrayList<>(kernelVars());
        shape.add(ConvolutionGradients.channelsIn(this, in));
        shape.add(Expr.var("M", depthMultiplier));
        List<Gradient> weights = new ArrayList<>(List.of(Gradients.weight("depthwise_kernel", "K", Gradients.rule(
                "Σ over batch and positions of x(window, c) · " + ConvolutionGradients.z(this), "\\sum_{n, p} x_{\\mathrm{window}, c} \\cdot \\frac{\\partial L}{\\partial z}"),
                shape, ConvolutionGradients.KERNEL_NOTE + "; channels are not mixed, so channel c's taps see only channel c")));
        if (useBias) weights.add(ConvolutionGradients.bias(this, ConvolutionGradients.channelsIn(this, in).times(Expr.var("M", depthMultiplier))));
        return ConvolutionGradients.derive(this, in, weights);
    }

    @Override
    protected void addParams(Derivation d, long cIn) {
        Expr outChannels = Expr.var("C_in", cIn).times(Expr.var("M", depthMultiplier));
        Expr weights = DepthwiseMath.weightCount(kernelVars(), cIn, depthMultiplier);
        d.params(useBias ? weights.plus(outChannels) : weights,
                "a " + windowText() + " kernel for each of the C_in×M output channels"
                        + (useBias ? ", plus one bias each" : "") + "; a Conv2D would need ×C_in more");
        d.macs(Expr.of(positions(d.output())).times(weights.value()));
    }

    /** Kernel (K_h, K_w, C_in, M) as in Keras, one bias per output channel. */
    @Override
    public void initialize(Shape in, Random rng) {
        int cIn = channels(in), window = kernel[0] * kernel[1];
        weights = Param.of("depthwise_kernel", Initializers.create(kernelInitializer, rng, window * cIn, window * depthMultiplier,
                kernel[0], kernel[1], cIn, depthMultiplier));
        biases = useBias ? Param.of("bias", Initializers.create(biasInitializer, rng, window * cIn, window * depthMultiplier, cIn * depthMultiplier)) : null;
    }

    @Override public boolean isInitialized() { return weights != null; }

    @Override public List<Param> params() { return Param.present(weights, biases); }

    /** 1. windows into rows (im2col); 2. each channel's windows · its own kernel; 3. + bias. */
    @Override
    protected NDArray forwardLast(NDArray x) {
        saved = DataFormat.geometry(x, kernel, strides, dilation, padding);
        savedCols = DepthwiseMath.byChannel(Patches.im2col(x, saved), saved);
        NDArray z = DepthwiseMath.forward(savedCols, weights.value());
        if (biases != null) z = z.add(biases.value());
        return z.reshape(saved.outDims(z.dim(1)));
    }

    @Override
    protected NDArray backwardLast(NDArray gradZ) {
        NDArray g = gradZ.reshape(saved.rows(), -1);
        if (biases != null) g.sumRowsInto(biases.grad(), 0f);
        return Patches.col2im(DepthwiseMath.backward(savedCols, weights, g), saved);
    }

    @Override
    protected void addConfig(Map<String, Object> c) {
        super.addConfig(c);
        c.put("depth_multiplier", depthMultiplier);
    }
}
