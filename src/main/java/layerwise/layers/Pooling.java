package layerwise.layers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import layerwise.explain.Derivation;
import layerwise.explain.Svg;
import layerwise.ndarray.NDArray;
import layerwise.ndarray.Patches;
import layerwise.ndarray.Shape;

/**
 * What the max and average pooling layers share: a window of pool_size slides with its stride (by
 * default the pool size) over each spatial axis and keeps one number per channel.
 * O = ⌊(W − K)/S⌋ + 1 ('valid'), ⌈W/S⌉ ('same'); no parameters; channels pass through.
 */
public abstract class Pooling<L extends Pooling<L>> extends FluentLayer<L> {
    protected final int rank;
    protected int[] poolSize, strides;
    protected String padding = "valid", dataFormat = "channels_last";
    private Patches.Geometry saved;
    private int[] savedArgmax;
    private VolumePooling volume;

    /** Keras's positional pool_size; the stride is the pool size until {@link #strides} says otherwise. */
    protected Pooling(int rank, int poolSize) {
        this.rank = rank;
        this.poolSize = Options.perAxis(label(), "pool_size", rank, poolSize);
    }

    /** Keras's positional pool_size and strides, the same along every spatial axis. */
    protected Pooling(int rank, int poolSize, int strides) {
        this(rank, poolSize);
        this.strides = Options.perAxis(label(), "strides", rank, strides);
    }

    /** A window with its own size per axis: {@code new MaxPooling2D().poolSize(3, 2)} is 3×2. */
    public L poolSize(int... p) { checkNotBuilt(); poolSize = Options.perAxis(label(), "pool_size", rank, p); return self(); }
    public L strides(int... s) { checkNotBuilt(); strides = Options.perAxis(label(), "strides", rank, s); return self(); }
    public L padding(String p) { checkNotBuilt(); padding = Options.oneOf(label(), "padding", p, Window.PADDINGS); return self(); }
    public L dataFormat(String f) { checkNotBuilt(); dataFormat = Options.oneOf(label(), "data_format", f, DataFormat.NAMES); return self(); }

    public int[] poolSize() { return poolSize.clone(); }
    /** The stride per axis; Keras's default is the pool size, so windows do not overlap. */
    public int[] stridesOrDefault() { return strides == null ? poolSize.clone() : strides.clone(); }
    public String padding() { return padding; }
    public String dataFormat() { return dataFormat; }

    /** "max" or "average", for the explanation. */
    protected abstract String kind();

    @Override
    protected Derivation derive(Shape in) {
        boolean last = dataFormat.equals("channels_last");
        requireRank(in, rank + 1, DataFormat.axesText(rank, dataFormat),
                "pooling works on (spatial…, channels); add a channels axis or use the " + rank + "-D layer that fits your data");
        int[] s = stridesOrDefault();
        Derivation d = start(in).note("takes the " + kind() + " of each " + Options.tuple(poolSize).replace(", ", "×")
                + " window, stride " + Options.tuple(s) + ", padding '" + padding + "'; channels pass through");
        d.ifEmpty("with padding 'valid' the pooling window must fit inside the input " + in,
                "use padding(\"same\"), a smaller pool size, or fewer pooling layers before " + name());
        int firstSpatial = last ? 0 : 1;
        if (!last) d.keep("channels", in.dim(0));
        for (int i = 0; i < rank; i++) {
            Window.dim(d, Convolution.spatialAxes(rank).get(i), in.dim(firstSpatial + i), poolSize[i], s[i], 1, padding);
        }
        if (last) d.keep("channels", in.last());
        return d;
    }

    /** The window sliding over an input of this shape: padding, the first two positions, the stride, the output. */
    @Override
    public Svg picture(Shape in) {
        int first = dataFormat.equals("channels_last") ? 0 : 1;
        long[] spatial = java.util.Arrays.copyOfRange(in.dims(), first, first + rank);
        return WindowPicture.draw(this, derivation(in), spatial, poolSize, stridesOrDefault(), padding);
    }

    /** Backward: to the max of each window, or shared by the average. */
    @Override
    protected Derivation deriveBackward(Shape in) {
        Derivation d = startBackward(in);
        String window = Options.tuple(poolSize).replace(", ", "×").replace("(", "").replace(",)", "").replace(")", "");
        if (kind().equals("max")) {
            return d.gradient(Gradients.input(in, Gradients.rule("∂L/∂y to the input that was the max of its window, 0 to the others",
                    "\\frac{\\partial L}{\\partial y}\\,[x_i = \\max]"),
                    "only the winner of each " + window + " window moved the output, so only it gets the gradient; the others get 0"));
        }
        long size = java.util.Arrays.stream(poolSize).asLongStream().reduce(1, Math::multiplyExact);
        return d.gradient(Gradients.input(in, Gradients.rule("∂L/∂y / " + size + " to each input of the window",
                "\\frac{1}{" + size + "} \\frac{\\partial L}{\\partial y}"),
                "each of the " + size + " inputs of a " + window + " window counts 1/" + size + " in the average, so it gets 1/" + size + " of the gradient"));
    }

    /** Each output is the max (or mean) of its window; max remembers which input won, for backward. */
    @Override
    public NDArray forward(NDArray x, boolean training) {
        NDArray xl = DataFormat.toLast(dataFormat, x);
        if (rank == 3) {
            volume = new VolumePooling(kind().equals("max"));
            return DataFormat.from(dataFormat, volume.forward(xl, poolSize, stridesOrDefault(), padding));
        }
        saved = DataFormat.geometry(xl, poolSize, stridesOrDefault(), Options.perAxis(label(), "dilation_rate", rank, 1), padding);
        NDArray out;
        if (kind().equals("max")) {
            savedArgmax = new int[saved.rows() * saved.c()];
            out = Patches.maxPool(xl, saved, savedArgmax);
        } else {
            out = Patches.avgPool(xl, saved);
        }
        return DataFormat.from(dataFormat, out.reshape(DataFormat.outDims(saved, x.rank(), saved.c())));
    }

    /** Max: the whole gradient goes to the input that won. Average: it is shared equally over the window. */
    @Override
    public NDArray backward(NDArray gradOut) {
        NDArray g = DataFormat.toLast(dataFormat, gradOut);
        if (rank == 3) return DataFormat.from(dataFormat, volume.backward(g));
        NDArray dx = kind().equals("max") ? Patches.maxPoolBackward(g, saved, savedArgmax) : Patches.avgPoolBackward(g, saved);
        return DataFormat.from(dataFormat, rank == 1 ? dx.reshape(saved.n(), saved.w(), saved.c()) : dx);
    }

    @Override
    protected void addConfig(Map<String, Object> c) {
        c.put("pool_size", Options.list(poolSize));
        c.put("padding", padding);
        c.put("strides", Options.list(stridesOrDefault()));
        c.put("data_format", dataFormat);
    }

    @Override public Role role() { return Role.POOLING; }
}
