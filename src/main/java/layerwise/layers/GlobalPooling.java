package layerwise.layers;

import java.util.List;
import java.util.Map;

import layerwise.explain.Derivation;
import layerwise.explain.Expr;
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

    protected GlobalPooling(int rank) {
        this.rank = rank;
    }

    public L dataFormat(String f) { checkNotBuilt(); dataFormat = Options.oneOf(label(), "data_format", f, List.of("channels_last", "channels_first")); return self(); }
    /** Keep the pooled axes as size 1, e.g. (1, 1, C), so the result still lines up with the input's rank. */
    public L keepdims(boolean k) { checkNotBuilt(); keepdims = k; return self(); }

    public String dataFormat() { return dataFormat; }
    public boolean keepdims() { return keepdims; }

    /** "max" or "average", for the explanation. */
    protected abstract String kind();

    @Override
    protected Derivation derive(Shape in) {
        boolean last = dataFormat.equals("channels_last");
        List<String> spatial = Convolution.spatialAxes(rank);
        String axes = last ? "(" + String.join(", ", spatial) + ", channels)" : "(channels, " + String.join(", ", spatial) + ")";
        requireRank(in, rank + 1, axes, "global pooling reduces " + String.join(" and ", spatial)
                + " for each channel; give the input a channels axis, or use the pooling layer for " + (in.rank() - 1) + " spatial axes");
        Derivation d = start(in).note("takes the " + kind() + " over all " + String.join(" and ", spatial)
                + " of each channel: one number per channel, however large the input" + (keepdims ? "; keepdims keeps the pooled axes as 1" : ""));
        long channels = in.dim(last ? rank : 0);
        if (!last) d.keep("channels", channels);
        for (int i = 0; keepdims && i < rank; i++) d.dim(spatial.get(i), "", Expr.of(1), "pooled to one position");
        if (last) d.keep("channels", channels);
        return d;
    }

    @Override
    protected void addConfig(Map<String, Object> c) {
        c.put("data_format", dataFormat);
        c.put("keepdims", keepdims);
    }
}
