package layerwise.layers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import layerwise.explain.Derivation;
import layerwise.explain.Expr;
import layerwise.explain.Svg;
import layerwise.ndarray.NDArray;
import layerwise.ndarray.Shape;

/**
 * What every convolution shares: a K×…×K window slid over the spatial axes with a stride, a dilation and
 * a padding, then an activation. Output size per axis as in {@link Window}; each kind adds its output
 * channels, its weights and how it computes them.
 * Input shape: (spatial…, C_in) for channels_last, (C_in, spatial…) for channels_first.
 * Output shape: (spatial_out…, C_out), or (C_out, spatial_out…).
 */
public abstract class Convolution<L extends Convolution<L>> extends FluentLayer<L> {
    protected final int rank;
    protected int[] kernel, strides, dilation;
    protected String padding = "valid", dataFormat = "channels_last", activation = "linear";
    protected boolean useBias = true;
    protected String kernelInitializer = "glorot_uniform", biasInitializer = "zeros";
    private ActivationStep act;

    /** Keras's positional kernel_size and strides, the same along every spatial axis. */
    protected Convolution(int rank, int kernelSize, int strides) {
        this.rank = rank;
        this.kernel = Options.perAxis(label(), "kernel_size", rank, kernelSize);
        this.strides = Options.perAxis(label(), "strides", rank, strides);
        this.dilation = Options.perAxis(label(), "dilation_rate", rank, 1);
    }

    /** A window with its own size per axis: {@code new Conv2D(16, 3).kernelSize(3, 5)} is 3×5. */
    public L kernelSize(int... k) { checkNotBuilt(); kernel = Options.perAxis(label(), "kernel_size", rank, k); return self(); }
    public L strides(int... s) { checkNotBuilt(); strides = Options.perAxis(label(), "strides", rank, s); return self(); }
    public L dilationRate(int... d) { checkNotBuilt(); dilation = Options.perAxis(label(), "dilation_rate", rank, d); return self(); }
    public L padding(String p) { checkNotBuilt(); padding = Options.oneOf(label(), "padding", p, paddings()); return self(); }
    public L dataFormat(String f) { checkNotBuilt(); dataFormat = Options.oneOf(label(), "data_format", f, DataFormat.NAMES); return self(); }
    public L activation(String a) { checkNotBuilt(); activation = Activations.check(label(), a); return self(); }
    public L useBias(boolean b) { checkNotBuilt(); useBias = b; return self(); }
    public L kernelInitializer(String name) { checkNotBuilt(); kernelInitializer = Initializers.check(label(), name); return self(); }
    public L biasInitializer(String name) { checkNotBuilt(); biasInitializer = Initializers.check(label(), name); return self(); }

    public int[] kernelSize() { return kernel.clone(); }
    public int[] strides() { return strides.clone(); }
    public int[] dilationRate() { return dilation.clone(); }
    public String padding() { return padding; }
    public String dataFormat() { return dataFormat; }
    public String activation() { return activation; }
    public boolean useBias() { return useBias; }

    protected List<String> paddings() { return Window.PADDINGS; }

    /** Names of the spatial axes, in order: (steps), (rows, cols) or (depth, rows, cols). */
    public static List<String> spatialAxes(int rank) { return DataFormat.spatialAxes(rank); }

    @Override
    protected Derivation derive(Shape in) {
        ConvolutionChecks.check(this, in);
        boolean last = dataFormat.equals("channels_last");
        long cIn = in.dim(last ? rank : 0);
        Derivation d = start(in).note("axes (" + dataFormat + "): (batch, " + DataFormat.axesText(rank, dataFormat).substring(1)
                + "; padding '" + padding + "', strides " + Options.tuple(strides)
                + (Arrays.stream(dilation).anyMatch(x -> x > 1) ? ", dilation " + Options.tuple(dilation) : ""));
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

    /** The channels axis of the output. */
    protected abstract void outChannels(Derivation d, long cIn);

    /** The weights, and the multiply-adds. */
    protected abstract void addParams(Derivation d, long cIn);

    /** The window sliding over an input of this shape: padding, the first two positions, the stride, the output. */
    @Override
    public Svg picture(Shape in) {
        int first = dataFormat.equals("channels_last") ? 0 : 1;
        long[] spatial = Arrays.copyOfRange(in.dims(), first, first + rank);
        return WindowPicture.draw(this, derivation(in), spatial, kernel, strides, padding);
    }

    /** 1. channels-last; 2. z by the kind's own rule; 3. the activation, in the layer's data format. */
    @Override
    public final NDArray forward(NDArray x, boolean training) {
        if (!isInitialized()) initialize(sampleShape(x), new Random(0));
        act = new ActivationStep(activation);
        return DataFormat.from(dataFormat, act.forward(forwardLast(DataFormat.toLast(dataFormat, x))));
    }

    /** z, channels-last, from the channels-last input; saves what {@link #backwardLast} needs. */
    protected abstract NDArray forwardLast(NDArray x);

    /** From dL/dz (channels-last): fills the weights' gradients, returns dL/dx (channels-last, or null when not needed). */
    protected abstract NDArray backwardLast(NDArray gradZ);

    @Override
    public final NDArray backward(NDArray gradOut) {
        return DataFormat.from(dataFormat, backwardLast(act.backward(DataFormat.toLast(dataFormat, gradOut))));
    }

    @Override
    public final NDArray backwardFromLogits(NDArray gradZ) {
        return DataFormat.from(dataFormat, backwardLast(DataFormat.toLast(dataFormat, gradZ)));
    }

    @Override public String outputActivation() { return activation; }

    @Override public final NDArray savedLogits() { return DataFormat.from(dataFormat, act.logits()); }

    /** The number of input channels of a sample shape. */
    protected final int channels(Shape in) { return (int) in.dim(dataFormat.equals("channels_last") ? rank : 0); }

    protected List<Expr> kernelVars() {
        List<String> names = rank == 1 ? List.of("K") : rank == 2 ? List.of("K_h", "K_w") : List.of("K_d", "K_h", "K_w");
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

    protected String windowText() { return String.join("×", Arrays.stream(kernel).mapToObj(Integer::toString).toList()); }

    @Override
    protected void addConfig(Map<String, Object> c) {
        c.put("kernel_size", Options.list(kernel));
        c.put("strides", Options.list(strides));
        c.put("padding", padding);
        c.put("data_format", dataFormat);
        c.put("dilation_rate", Options.list(dilation));
        c.put("groups", 1);
        c.put("activation", activation);
        c.put("use_bias", useBias);
    }

    @Override public Role role() { return Role.CONVOLUTION; }
}
