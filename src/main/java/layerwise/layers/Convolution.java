package layerwise.layers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import layerwise.error.ConfigException;
import layerwise.error.Problem;
import layerwise.error.ShapeException;
import layerwise.explain.Derivation;
import layerwise.explain.Expr;
import layerwise.explain.Svg;
import layerwise.ndarray.DirectConvolution;
import layerwise.ndarray.NDArray;
import layerwise.ndarray.Patches;
import layerwise.ndarray.Shape;

/**
 * What Conv1D, Conv2D and Conv3D share: F filters, each a K×…×K×C_in window slid over the spatial
 * axes. Output size per axis as in {@link Window}; params = K_1×…×K_n×C_in×F + F.
 * Input shape: (spatial…, C_in) for channels_last, (C_in, spatial…) for channels_first.
 * Output shape: (spatial_out…, F), or (F, spatial_out…).
 */
public abstract class Convolution<L extends Convolution<L>> extends FluentLayer<L> {
    protected final int rank, filters;
    protected final int[] kernel;
    protected int[] strides, dilation;
    protected String padding = "valid", dataFormat = "channels_last", activation = "linear";
    protected boolean useBias = true;
    protected String kernelInitializer = "glorot_uniform", biasInitializer = "zeros";
    private Param kernelW, bias;
    private Patches.Geometry saved;
    private NDArray savedCols, savedInput;
    private ActivationStep act;

    protected Convolution(int rank, int filters, int... kernelSize) {
        this(rank, kernelSize, filters);
        Options.positive(label(), "filters", filters);
    }

    /** For layers without filters (DepthwiseConv2D), whose output channels follow the input: filters = 0. */
    protected Convolution(int rank, int[] kernelSize, int filters) {
        this.rank = rank;
        this.filters = filters;
        this.kernel = Options.perAxis(label(), "kernel_size", rank, kernelSize);
        this.strides = ones(rank);
        this.dilation = ones(rank);
    }

    static int[] ones(int n) {
        int[] a = new int[n];
        Arrays.fill(a, 1);
        return a;
    }

    public L strides(int... s) { checkNotBuilt(); strides = Options.perAxis(label(), "strides", rank, s); return self(); }
    public L dilationRate(int... d) { checkNotBuilt(); dilation = Options.perAxis(label(), "dilation_rate", rank, d); return self(); }
    public L padding(String p) { checkNotBuilt(); padding = Options.oneOf(label(), "padding", p, paddings()); return self(); }
    public L dataFormat(String f) { checkNotBuilt(); dataFormat = Options.oneOf(label(), "data_format", f, List.of("channels_last", "channels_first")); return self(); }
    public L activation(String a) { checkNotBuilt(); activation = Activations.check(label(), a); return self(); }
    public L useBias(boolean b) { checkNotBuilt(); useBias = b; return self(); }

    public L kernelInitializer(String name) { checkNotBuilt(); kernelInitializer = Initializers.check(label(), name); return self(); }
    public L biasInitializer(String name) { checkNotBuilt(); biasInitializer = Initializers.check(label(), name); return self(); }

    public int filters() { return filters; }
    public int[] kernelSize() { return kernel.clone(); }
    public int[] strides() { return strides.clone(); }
    public int[] dilationRate() { return dilation.clone(); }
    public String padding() { return padding; }
    public String dataFormat() { return dataFormat; }
    public String activation() { return activation; }
    public boolean useBias() { return useBias; }

    protected List<String> paddings() { return Window.PADDINGS; }

    /** Names of the spatial axes, in order: (steps), (rows, cols) or (depth, rows, cols). */
    public static List<String> spatialAxes(int rank) {
        return switch (rank) {
            case 1 -> List.of("steps");
            case 2 -> List.of("rows", "cols");
            default -> List.of("depth", "rows", "cols");
        };
    }

    protected String axesText() {
        List<String> axes = new ArrayList<>(spatialAxes(rank));
        if (dataFormat.equals("channels_last")) axes.add("channels"); else axes.add(0, "channels");
        return "(" + String.join(", ", axes) + ")";
    }

    @Override
    protected Derivation derive(Shape in) {
        requireRank(in, rank + 1, axesText(), rankFix(in));
        checkStridesOrDilation();
        boolean last = dataFormat.equals("channels_last");
        long cIn = in.dim(last ? rank : 0);
        if (cIn == Shape.NONE) throw unknownChannels(in);
        Derivation d = start(in).note("axes (" + dataFormat + "): (batch, " + axesText().substring(1)
                + "; padding '" + padding + "', strides " + tuple(strides)
                + (Arrays.stream(dilation).anyMatch(x -> x > 1) ? ", dilation " + tuple(dilation) : ""));
        d.ifEmpty("with padding '" + padding + "' the " + (rank == 1 ? kernel[0] + "-step" : windowText()) + " window must fit inside the input " + in,
                "use a larger input, a smaller kernel or stride, padding(\"same\"), or remove a pooling layer before " + name());
        if (!last) outChannels(d, cIn);
        for (int i = 0; i < rank; i++) spatialDim(d, i, in.dim((last ? 0 : 1) + i));
        if (last) outChannels(d, cIn);
        addParams(d, cIn);
        return d;
    }

    /** The output size of spatial axis i; transposed convolutions replace the rule. */
    protected void spatialDim(Derivation d, int i, long w) {
        Window.dim(d, spatialAxes(rank).get(i), w, kernel[i], strides[i], dilation[i], padding);
    }

    /** The channels axis of the output: one per filter, unless the layer says otherwise. */
    protected void outChannels(Derivation d, long cIn) {
        d.dim("channels", "C_out", Expr.var("F", filters), "one output channel per filter");
    }

    /** The weights: a K×…×K×C_in kernel per filter, and a bias per filter. Also sets the multiply-adds. */
    protected void addParams(Derivation d, long cIn) {
        Expr perFilter = Expr.product(kernelVars()).times(Expr.var("C_in", cIn));
        Expr f = Expr.var("F", filters);
        d.params(useBias ? perFilter.times(f).plus(f) : perFilter.times(f),
                useBias ? "a " + windowText() + "×" + cIn + " kernel per filter, plus one bias per filter" : "no bias");
        d.macs(Expr.of(positions(d.output())).times(perFilter.value()).times(filters));
    }

    private void checkStridesOrDilation() {
        if (Arrays.stream(strides).anyMatch(s -> s > 1) && Arrays.stream(dilation).anyMatch(d -> d > 1)) {
            throw new ConfigException(Problem.at(label())
                    .headline("`strides > 1` not supported in conjunction with `dilation_rate > 1`. Received: strides="
                            + Arrays.toString(strides) + " and dilation_rate=" + Arrays.toString(dilation))
                    .expected("either strides of 1 or a dilation rate of 1").got("both larger than 1")
                    .fix("choose strides(1) with a dilation, or dilationRate(1) with a stride"));
        }
    }

    /** The window sliding over an input of this shape: padding, the first two positions, the stride, the output. */
    @Override
    public Svg picture(Shape in) {
        int first = dataFormat.equals("channels_last") ? 0 : 1;
        long[] spatial = java.util.Arrays.copyOfRange(in.dims(), first, first + rank);
        return WindowPicture.draw(this, derivation(in), spatial, kernel, strides, padding);
    }

    /** Backward: ∂L/∂K of the kernel's shape, ∂L/∂b per filter, ∂L/∂x as a transposed convolution. */
    @Override
    protected Derivation deriveBackward(Shape in) {
        return ConvolutionGradients.derive(this, in, ConvolutionGradients.kernelAndBias(this, in, kernelVars()));
    }

    /** Kernel shape (K_1, …, K_n, C_in, F) as in Keras; fan_in = K·C_in, fan_out = K·F. */
    @Override
    public void initialize(Shape in, Random rng) {
        if (!computes()) return;
        int cIn = (int) in.dim(dataFormat.equals("channels_last") ? rank : 0), window = 1;
        int[] shape = new int[rank + 2];
        for (int i = 0; i < rank; i++) window *= shape[i] = kernel[i];
        shape[rank] = cIn;
        shape[rank + 1] = filters;
        kernelW = Param.of("kernel", Initializers.create(kernelInitializer, rng, window * cIn, window * filters, shape));
        bias = useBias ? Param.of("bias", Initializers.create(biasInitializer, rng, window * cIn, window * filters, filters)) : null;
    }

    @Override public boolean isInitialized() { return kernelW != null || !computes(); }

    /** Only the plain 1-D and 2-D convolutions compute so far; the other kinds have their own weights and rules. */
    private boolean computes() { return this instanceof Conv1D || this instanceof Conv2D; }

    @Override
    public List<Param> params() {
        return Param.present(kernelW, bias);
    }

    /** 1. windows into rows (im2col); 2. rows · kernel (one GEMM) + bias; 3. activation. */
    @Override
    public NDArray forward(NDArray x, boolean training) {
        if (!computes()) throw notComputable();
        if (kernelW == null) initialize(sampleShape(x), new Random(0));
        NDArray xl = dataFormat.equals("channels_last") ? x.contiguous() : DataFormat.toChannelsLast(x);
        saved = DataFormat.geometry(xl, kernel, strides, dilation, padding);
        int[] outDims = DataFormat.outDims(saved, x.rank(), filters);
        if (direct(saved)) {
            savedInput = xl;
            savedCols = null;
            return activate(DirectConvolution.forward(xl, saved, kernelW.value(), useBias ? bias.value() : null).reshape(outDims));
        }
        savedInput = null;
        savedCols = Patches.im2col(xl, saved);
        NDArray z = useBias ? bias.value().broadcastTo(saved.rows(), filters).copy() : NDArray.zeros(saved.rows(), filters);
        savedCols.matmulInto(kernelW.value().reshape(-1, filters), z, useBias ? 1f : 0f);
        return activate(z.reshape(outDims));
    }

    /** Applies the activation to z, computed channels-last, and returns it in the layer's data format. */
    protected final NDArray activate(NDArray z) {
        act = new ActivationStep(activation);
        NDArray y = act.forward(z);
        return dataFormat.equals("channels_last") ? y : DataFormat.toChannelsFirst(y);
    }

    @Override
    public final NDArray backward(NDArray gradOut) {
        return backwardLast(act.backward(channelsLast(gradOut)));
    }

    @Override
    public final NDArray backwardFromLogits(NDArray gradZ) {
        return backwardLast(channelsLast(gradZ));
    }

    private NDArray channelsLast(NDArray g) {
        return dataFormat.equals("channels_last") ? g : DataFormat.toChannelsLast(g);
    }

    /**
     * The backward pass from dL/dz (before the activation), channels-last; each kind of convolution
     * overrides it. Here: dW = colsᵀ·dz, db = Σ_rows dz, dcols = dz·Wᵀ, then col2im adds each window's
     * share back onto its pixels.
     */
    protected NDArray backwardLast(NDArray gradZ) {
        NDArray dz = gradZ.reshape(-1, filters), w = kernelW.value().reshape(-1, filters);
        if (savedCols == null) {
            DirectConvolution.weightGrad(savedInput, saved, dz, kernelW.grad(), useBias ? bias.grad() : null);
        } else {
            savedCols.transpose().matmulInto(dz, kernelW.grad().reshape(-1, filters), 0f);
            if (useBias) dz.sumRowsInto(bias.grad(), 0f);
        }
        if (!inputGradientNeeded()) return null;
        return inputGradient(Patches.col2im(dz.matmul(w.transpose()), saved));
    }

    /** The input gradient, channels-last numbers, as an array in the layer's data format. */
    private NDArray inputGradient(NDArray dx) {
        NDArray d = rank == 1 ? dx.reshape(saved.n(), saved.w(), saved.c()) : dx;
        return dataFormat.equals("channels_last") ? d : DataFormat.toChannelsFirst(d);
    }

    /**
     * Direct convolution for a thin input (at most 4 channels, such as an image's first layer): there
     * im2col copies every pixel k_h·k_w times for a product of only k_h·k_w·c terms per output.
     * Wider inputs have patches long enough for the blocked GEMM to win.
     */
    private boolean direct(Patches.Geometry g) {
        return g.c() <= 4 && DirectConvolution.fits(g, filters);
    }

    @Override public String outputActivation() { return activation; }

    @Override public final NDArray savedLogits() {
        NDArray z = act.logits();
        return dataFormat.equals("channels_last") ? z : DataFormat.toChannelsFirst(z);
    }

    protected List<Expr> kernelVars() {
        List<String> names = switch (rank) {
            case 1 -> List.of("K");
            case 2 -> List.of("K_h", "K_w");
            default -> List.of("K_d", "K_h", "K_w");
        };
        List<Expr> vars = new ArrayList<>();
        for (int i = 0; i < rank; i++) vars.add(Expr.var(names.get(i), kernel[i]));
        return vars;
    }

    /** Positions in one sample: the product of the spatial sizes of {@code s}, an unknown size counted as 1. */
    protected long positions(Shape s) {
        int first = dataFormat.equals("channels_last") ? 0 : 1;
        long n = 1;
        for (int i = 0; i < rank; i++) n = Math.multiplyExact(n, Math.max(s.dim(first + i), 1));
        return n;
    }

    protected String windowText() {
        return String.join("×", Arrays.stream(kernel).mapToObj(Integer::toString).toList());
    }

    static String tuple(int[] a) {
        return a.length == 1 ? "(" + a[0] + ",)" : "(" + String.join(", ", Arrays.stream(a).mapToObj(Integer::toString).toList()) + ")";
    }

    private String rankFix(Shape in) {
        if (in.rank() == rank) {
            String withChannel = in.toString().replace(")", ", 1)").replace(",, 1)", ", 1)");
            return "add a channels axis: reshape to " + withChannel + ", or start the model with new Input"
                    + withChannel.replace(",)", ")");
        }
        return type() + " slides over " + rank + " spatial axes and needs a channels axis " + axesText()
                + (in.rank() < rank ? "; reshape the data to that form" : "; use Conv" + (in.rank() - 1) + "D, or Flatten/Reshape first");
    }

    private ShapeException unknownChannels(Shape in) {
        return new ShapeException(Problem.at(label())
                .headline("The channel dimension of the inputs should be defined. The input_shape received is "
                        + in.withBatch() + ", where axis " + (dataFormat.equals("channels_last") ? rank + 1 : 1)
                        + " (0-based) is the channel dimension, which found to be `None`.")
                .expected("a known number of input channels, to size the kernel")
                .got(in.withBatch())
                .fix("give the channel count in the input shape, e.g. new Input(…, 3)"));
    }

    @Override
    protected void addConfig(Map<String, Object> c) {
        c.put("filters", filters);
        c.put("kernel_size", list(kernel));
        c.put("strides", list(strides));
        c.put("padding", padding);
        c.put("data_format", dataFormat);
        c.put("dilation_rate", list(dilation));
        c.put("groups", 1);
        c.put("activation", activation);
        c.put("use_bias", useBias);
    }

    static List<Integer> list(int[] a) { return Arrays.stream(a).boxed().toList(); }
}
