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
 * A depthwise convolution followed by a 1×1 convolution that mixes the channels: far fewer weights
 * than a Conv2D with the same kernel. O per axis as Conv2D;
 * params = K_h×K_w×C_in×M + C_in×M×F + F.
 * Input shape: (rows, cols, C_in). Output shape: (rows_out, cols_out, F).
 */
public final class SeparableConv2D extends FilterConvolution<SeparableConv2D> {
    private int depthMultiplier = 1;
    /** The depthwise kernel (K_h, K_w, C_in, M); the inherited kernel is the pointwise one, (1, 1, C_in·M, F). */
    private Param depthwise;
    private Patches.Geometry saved;
    /** The windows channel by channel, (C, rows, K_h·K_w), and the depthwise output (rows, C·M). */
    private NDArray savedCols, savedMid;

    /** {@code new SeparableConv2D(32, 3)}: 32 filters over a 3×3 depthwise window. */
    public SeparableConv2D(int filters, int kernelSize) { this(filters, kernelSize, 1); }

    /** {@code new SeparableConv2D(32, 3, 2)}: as Keras's SeparableConv2D(32, 3, 2), strides 2. */
    public SeparableConv2D(int filters, int kernelSize, int strides) { super(2, filters, kernelSize, strides); }

    /** M, the number of depthwise filters per input channel (Keras's depth_multiplier, default 1). */
    public SeparableConv2D depthMultiplier(int m) {
        checkNotBuilt();
        depthMultiplier = Options.positive(label(), "depth_multiplier", m)[0];
        return this;
    }

    public int depthMultiplier() { return depthMultiplier; }

    /** Backward: the pointwise 1×1 kernel first (a Dense per position), then the depthwise kernel. */
    @Override
    protected Derivation deriveBackward(Shape in) {
        Expr cIn = ConvolutionGradients.channelsIn(this, in), m = Expr.var("M", depthMultiplier), f = Expr.var("F", filters);
        List<Expr> depthShape = new ArrayList<>(kernelVars());
        depthShape.add(cIn);
        depthShape.add(m);
        List<Gradient> weights = new ArrayList<>(List.of(
                Gradients.weight("depthwise_kernel", "K_depth", Gradients.rule("Σ over batch and positions of x(window, c) · ∂L/∂(depthwise output)",
                        "\\sum_{n, p} x_{\\mathrm{window}, c} \\cdot \\frac{\\partial L}{\\partial h}"), depthShape, ConvolutionGradients.KERNEL_NOTE),
                Gradients.weight("pointwise_kernel", "K_point", Gradients.rule("Σ over batch and positions of hᵀ · " + ConvolutionGradients.z(this),
                        "\\sum_{n, p} h^\\top \\frac{\\partial L}{\\partial z}"), List.of(Expr.of(1), Expr.of(1), cIn.times(m), f),
                        "a 1×1 kernel is a Dense layer applied at every position: its gradient adds hᵀ·∂L/∂z over them")));
        if (useBias) weights.add(ConvolutionGradients.bias(this, f));
        return ConvolutionGradients.derive(this, in, weights);
    }

    @Override
    protected void addParams(Derivation d, long cIn) {
        Expr mid = Expr.var("C_in", cIn).times(Expr.var("M", depthMultiplier));
        Expr depthwise = DepthwiseMath.weightCount(kernelVars(), cIn, depthMultiplier);
        Expr pointwise = mid.times(Expr.var("F", filters));
        Expr weights = depthwise.plus(pointwise);
        d.params(useBias ? weights.plus(Expr.var("F", filters)) : weights,
                "depthwise: a " + windowText() + " kernel per channel (×M); pointwise: a 1×1 kernel from the C_in×M channels to each filter"
                        + (useBias ? "; one bias per filter" : ""));
        long spatial = positions(d.output());
        d.macs(Expr.of(spatial).times(depthwise.value()).plus(Expr.of(spatial).times(pointwise.value())));
    }

    /** depthwise_kernel (K_h, K_w, C_in, M), pointwise_kernel (1, 1, C_in·M, F), bias (F), in Keras's order. */
    @Override
    public void initialize(Shape in, Random rng) {
        int cIn = channels(in), window = kernel[0] * kernel[1], mid = cIn * depthMultiplier;
        depthwise = Param.of("depthwise_kernel", Initializers.create(kernelInitializer, rng, window * cIn, window * depthMultiplier,
                kernel[0], kernel[1], cIn, depthMultiplier));
        kernelWeights = Param.of("pointwise_kernel", Initializers.create(kernelInitializer, rng, mid, filters, 1, 1, mid, filters));
        bias = useBias ? Param.of("bias", Initializers.create(biasInitializer, rng, mid, filters, filters)) : null;
    }

    @Override public List<Param> params() { return Param.present(depthwise, kernelWeights, bias); }

    /** 1. im2col; 2. depthwise: each channel's windows · its own kernel; 3. pointwise: a 1×1 conv, one matrix product; 4. bias, activation. */
    @Override
    protected NDArray forwardLast(NDArray x) {
        saved = DataFormat.geometry(x, kernel, strides, dilation, padding);
        savedCols = DepthwiseMath.byChannel(Patches.im2col(x, saved), saved);
        savedMid = DepthwiseMath.forward(savedCols, depthwise.value());
        NDArray z = savedMid.matmul(pointwiseMatrix());
        if (bias != null) z = z.add(bias.value());
        return z.reshape(saved.outDims(filters));
    }

    /**
     * db = Σ dz; dpointwise = midᵀ·dz; dmid = dz·pointwiseᵀ, then the depthwise backward and col2im.
     * Both kernel gradients are written straight into their Params, so a step makes no kernel-sized array.
     */
    @Override
    protected NDArray backwardLast(NDArray gradZ) {
        NDArray g = gradZ.reshape(saved.rows(), filters);
        if (bias != null) g.sumRowsInto(bias.grad(), 0f);
        savedMid.transpose().matmulInto(g, kernelWeights.grad().reshape(-1, filters), 0f);
        return Patches.col2im(DepthwiseMath.backward(savedCols, depthwise, g.matmul(pointwiseMatrix().transpose())), saved);
    }

    /** The 1×1 pointwise kernel as a (C_in·M, F) matrix. */
    private NDArray pointwiseMatrix() { return kernelWeights.value().reshape(-1, filters); }

    @Override
    protected void addConfig(Map<String, Object> c) {
        super.addConfig(c);
        c.put("depth_multiplier", depthMultiplier);
    }
}
