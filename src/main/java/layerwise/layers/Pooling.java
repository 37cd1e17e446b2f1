package layerwise.layers;

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
    private int[] savedWinners;
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

    /** Max or average: what each window keeps, and where its gradient goes. */
    abstract Pool pool();

    @Override
    protected Derivation derive(Shape in) {
        boolean last = dataFormat.equals("channels_last");
        requireRank(in, rank + 1, DataFormat.axesText(rank, dataFormat),
                "pooling works on (spatial…, channels); add a channels axis or use the " + rank + "-D layer that fits your data");
        int[] s = stridesOrDefault();
        Derivation d = start(in).note("takes the " + pool() + " of each " + Options.tuple(poolSize).replace(", ", "×")
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
        long size = java.util.Arrays.stream(poolSize).asLongStream().reduce(1, Math::multiplyExact);
        return d.gradient(pool().windowGradient(in, window, size));
    }

    /** Each output is the max (or mean) of its window; max remembers which input won, for backward. */
    @Override
    public NDArray forward(NDArray x, boolean training) {
        NDArray xl = DataFormat.toLast(dataFormat, x);
        if (rank == 3) {
            volume = new VolumePooling(pool() == Pool.MAX);
            return DataFormat.from(dataFormat, volume.forward(xl, poolSize, stridesOrDefault(), padding));
        }
        saved = DataFormat.geometry(xl, poolSize, stridesOrDefault(), Options.perAxis(label(), "dilation_rate", rank, 1), padding);
        savedWinners = pool().newWinners(saved);
        NDArray out = pool().windows(xl, saved, savedWinners);
        return DataFormat.from(dataFormat, out.reshape(DataFormat.outDims(saved, x.rank(), saved.c())));
    }

    /** Max: the whole gradient goes to the input that won. Average: it is shared equally over the window. */
    @Override
    public NDArray backward(NDArray gradOut) {
        NDArray g = DataFormat.toLast(dataFormat, gradOut);
        if (rank == 3) return DataFormat.from(dataFormat, volume.backward(g));
        NDArray dx = pool().windowsBackward(g, saved, savedWinners);
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
