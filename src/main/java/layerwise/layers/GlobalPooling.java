package layerwise.layers;

import java.util.List;
import java.util.Map;

import layerwise.explain.Derivation;
import layerwise.explain.Expr;
import layerwise.ndarray.NDArray;
import layerwise.ndarray.Shape;

/**
 * What the global pooling layers share: one max or mean over all spatial positions of each channel, so
 * the output has one number per channel whatever the input size. No parameters.
 * Input shape: (spatial…, C). Output shape: (C,), or (1, …, 1, C) with keepdims.
 */
public abstract class GlobalPooling<L extends GlobalPooling<L>> extends FluentLayer<L> {
    protected final int rank;
    protected String dataFormat = "channels_last";
    protected boolean keepdims;
    private NDArray savedX, savedY;

    protected GlobalPooling(int rank) {
        this.rank = rank;
    }

    public L dataFormat(String f) { checkNotBuilt(); dataFormat = Options.oneOf(label(), "data_format", f, DataFormat.NAMES); return self(); }
    /** Keep the pooled axes as size 1, e.g. (1, 1, C), so the result still lines up with the input's rank. */
    public L keepdims(boolean k) { checkNotBuilt(); keepdims = k; return self(); }

    public String dataFormat() { return dataFormat; }
    public boolean keepdims() { return keepdims; }

    /** Max or average: what each channel keeps, and where its gradient goes. */
    abstract Pool pool();

    @Override
    protected Derivation derive(Shape in) {
        boolean last = dataFormat.equals("channels_last");
        List<String> spatial = Convolution.spatialAxes(rank);
        requireRank(in, rank + 1, DataFormat.axesText(rank, dataFormat), "global pooling reduces " + String.join(" and ", spatial)
                + " for each channel; give the input a channels axis, or use the pooling layer for " + (in.rank() - 1) + " spatial axes");
        Derivation d = start(in).note("takes the " + pool() + " over all " + String.join(" and ", spatial)
                + " of each channel: one number per channel, however large the input" + (keepdims ? "; keepdims keeps the pooled axes as 1" : ""));
        long channels = in.dim(last ? rank : 0);
        if (!last) d.keep("channels", channels);
        for (int i = 0; keepdims && i < rank; i++) d.dim(spatial.get(i), "", Expr.of(1), "pooled to one position");
        if (last) d.keep("channels", channels);
        return d;
    }

    /** Backward: to the position holding each channel's max, or shared by every position. */
    @Override
    protected Derivation deriveBackward(Shape in) {
        return startBackward(in).gradient(pool().globalGradient(in));
    }

    /** Reduces the spatial axes one after another (channels_last, keeping them as size 1), as a mean or a max. */
    @Override
    public NDArray forward(NDArray x, boolean training) {
        savedX = DataFormat.toLast(dataFormat, x);
        NDArray y = savedX;
        for (int i = 1; i <= rank; i++) y = pool().overAxis(y, i);
        savedY = y;
        return keepdims ? DataFormat.from(dataFormat, y) : y.reshape(x.dim(0), -1);
    }

    /** Mean: each position gets gradOut / positions. Max: the gradient goes to the positions holding the max. */
    @Override
    public NDArray backward(NDArray gradOut) {
        return DataFormat.from(dataFormat, pool().overAxesBackward(savedX, savedY, gradOut.reshape(savedY.dims())));
    }

    @Override
    protected void addConfig(Map<String, Object> c) {
        c.put("data_format", dataFormat);
        c.put("keepdims", keepdims);
    }

    @Override public Role role() { return Role.POOLING; }
}
