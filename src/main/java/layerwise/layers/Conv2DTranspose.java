package layerwise.layers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import layerwise.error.ConfigException;
import layerwise.error.Problem;
import layerwise.explain.Derivation;
import layerwise.explain.Expr;
import layerwise.explain.Gradient;
import layerwise.ndarray.NDArray;
import layerwise.ndarray.Patches;
import layerwise.ndarray.Shape;

/**
 * A transposed ("de-") convolution: each input position spreads a K_h×K_w×F patch into an output that
 * grows by the stride, the reverse of a strided Conv2D.
 * O = W·S + max(K − S, 0) ('valid'), W·S ('same'), (W − 1)·S + K − 2P + OP with output_padding;
 * params = K_h×K_w×F×C_in + F.
 * Input shape: (rows, cols, C_in). Output shape: (rows_out, cols_out, F).
 */
public final class Conv2DTranspose extends FilterConvolution<Conv2DTranspose> {
    private int[] outputPadding;
    private NDArray savedX;
    private Patches.Geometry saved;

    /** {@code new Conv2DTranspose(16, 3)}: 16 filters of 3×3. */
    public Conv2DTranspose(int filters, int kernelSize) { this(filters, kernelSize, 1); }

    /** {@code new Conv2DTranspose(16, 3, 2)}: as Keras's Conv2DTranspose(16, 3, 2), the output grows by strides 2. */
    public Conv2DTranspose(int filters, int kernelSize, int strides) { super(2, filters, kernelSize, strides); }

    /** Extra rows/cols at the end, to pick one of the output sizes a strided conv could have come from. */
    public Conv2DTranspose outputPadding(int... p) {
        checkNotBuilt();
        int[] perAxis = p.length == 1 ? new int[] {p[0], p[0]} : p;
        if (perAxis.length != 2 || perAxis[0] < 0 || perAxis[1] < 0) {
            throw new ConfigException(Problem.at(label())
                    .headline("The `output_padding` argument must be a tuple of 2 non-negative integers. Received: " + Arrays.toString(p))
                    .expected("one number, or two (rows, cols), each 0 or more").got(Arrays.toString(p))
                    .fix("pass outputPadding(1) or outputPadding(1, 0)"));
        }
        outputPadding = perAxis;
        return this;
    }

    /** The output padding per axis, or null when not given (Keras's None). */
    public int[] outputPadding() { return outputPadding == null ? null : outputPadding.clone(); }

    @Override
    protected Derivation derive(Shape in) {
        for (int i = 0; outputPadding != null && i < 2; i++) {
            if (outputPadding[i] >= strides[i]) {
                throw new ConfigException(Problem.at(label())
                        .headline("Strides " + Options.tuple(strides) + " must be greater than output padding " + Options.tuple(outputPadding))
                        .expected("output_padding < strides on every axis").got("output_padding " + Options.tuple(outputPadding))
                        .why("output padding chooses among the S output sizes a stride-S convolution maps to the same input size")
                        .fix("use an output padding from 0 to stride − 1, or leave it out"));
            }
        }
        return super.derive(in);
    }

    @Override
    protected void spatialDim(Derivation d, int i, long w) {
        String axis = spatialAxes(rank).get(i);
        if (outputPadding == null) Window.transposedDim(d, axis, w, kernel[i], strides[i], dilation[i], padding);
        else Window.transposedDim(d, axis, w, kernel[i], strides[i], dilation[i], padding, outputPadding[i]);
    }

    /** Backward: the kernel (K_h, K_w, F, C_in); ∂L/∂x is an ordinary convolution of ∂L/∂y, the transpose of the transpose. */
    @Override
    protected Derivation deriveBackward(Shape in) {
        List<Expr> shape = new ArrayList<>(kernelVars());
        shape.add(Expr.var("F", filters));
        shape.add(ConvolutionGradients.channelsIn(this, in));
        List<Gradient> weights = new ArrayList<>(List.of(Gradients.weight("kernel", "K", Gradients.rule(
                "Σ over batch and positions of x · " + ConvolutionGradients.z(this) + "(patch)", "\\sum_{n, p} x \\cdot \\frac{\\partial L}{\\partial z}_{\\mathrm{patch}}"),
                shape, ConvolutionGradients.KERNEL_NOTE)));
        if (useBias) weights.add(ConvolutionGradients.bias(this, Expr.var("F", filters)));
        Gradient input = Gradients.input(in, Gradients.rule("convolution of " + ConvolutionGradients.z(this) + " with the kernel, stride " + Options.tuple(strides),
                "\\frac{\\partial L}{\\partial z} \\circledast K"), "each input pixel spread a K_h×K_w patch into the output; going back, it gathers "
                + "that patch's gradients, weighted by the kernel: an ordinary convolution, which shrinks the shape back");
        return ConvolutionGradients.derive(this, in, weights, input);
    }

    @Override
    protected void addParams(Derivation d, long cIn) {
        Expr perInput = Expr.product(kernelVars()).times(Expr.var("F", filters));
        Expr weights = perInput.times(Expr.var("C_in", cIn)), f = Expr.var("F", filters);
        d.params(useBias ? weights.plus(f) : weights,
                "each of the " + cIn + " input channels owns a " + windowText() + "×" + filters + " patch"
                        + (useBias ? ", plus one bias per filter" : ""));
        d.macs(Expr.of(positions(d.inputs().get(0))).times(weights.value()));
    }

    /** Kernel (K_h, K_w, F, C_in) as in Keras, whose glorot fans are F·K_h·K_w in and C_in·K_h·K_w out. */
    @Override
    public void initialize(Shape in, Random rng) {
        int cIn = channels(in), window = kernel[0] * kernel[1];
        kernelWeights = Param.of("kernel", Initializers.create(kernelInitializer, rng, window * filters, window * cIn, kernel[0], kernel[1], filters, cIn));
        bias = useBias ? Param.of("bias", Initializers.create(biasInitializer, rng, window * filters, window * cIn, filters)) : null;
    }

    /**
     * The backward of a convolution run forward: 1. each input pixel times the kernel gives a K_h×K_w×F
     * patch (one matrix product); 2. col2im adds the patches into the output, S apart; 3. bias, activation.
     * The geometry is that of the Conv2D that would map this output back to the input.
     */
    @Override
    protected NDArray forwardLast(NDArray x) {
        savedX = x;
        boolean last = dataFormat.equals("channels_last");
        Shape out = outputShape(last ? sampleShape(x) : Shape.of(x.dim(3), x.dim(1), x.dim(2)));
        int h = (int) out.dim(last ? 0 : 1), w = (int) out.dim(last ? 1 : 2);
        saved = Patches.Geometry.of(x.dim(0), filters, Window.axis(h, kernel[0], strides[0], dilation[0], padding),
                Window.axis(w, kernel[1], strides[1], dilation[1], padding));
        NDArray z = Patches.col2im(x.reshape(-1, x.dim(3)).matmul(kernelMatrix().transpose()), saved);
        return bias == null ? z : z.add(bias.value());
    }

    /**
     * dpatches = im2col(dz); dW = dpatchesᵀ·x; db = Σ dz; dx = dpatches·W. dW is written straight into
     * the gradient, dpatches read transposed where they lie, so a step makes no kernel-sized array.
     */
    @Override
    protected NDArray backwardLast(NDArray gradZ) {
        NDArray dPatches = Patches.im2col(gradZ, saved);
        dPatches.transpose().matmulInto(savedX.reshape(-1, savedX.dim(3)), kernelWeights.grad().reshape(-1, savedX.dim(3)), 0f);
        if (bias != null) gradZ.sumRowsInto(bias.grad(), 0f);
        return inputGradientNeeded() ? dPatches.matmul(kernelMatrix()).reshape(savedX.dims()) : null;
    }

    /** The kernel seen as a (K_h·K_w·F, C_in) matrix: the row order of im2col's patches. */
    private NDArray kernelMatrix() { return kernelWeights.value().reshape(-1, kernelWeights.value().dim(3)); }

    @Override
    protected void addConfig(Map<String, Object> c) {
        super.addConfig(c);
        c.put("output_padding", outputPadding == null ? null : Options.list(outputPadding));
    }
}
