package layerwise.layers;

import java.util.List;
import java.util.Map;

import layerwise.explain.Derivation;
import layerwise.explain.Expr;
import layerwise.ndarray.NDArray;
import layerwise.ndarray.Shape;

/**
 * Enlarges each feature map by repeating (or, bilinear, interpolating) its rows and columns.
 * O_rows = W×size_h, O_cols = W×size_w; no parameters.
 * Input shape: (rows, cols, channels). Output shape: (rows×size_h, cols×size_w, channels).
 */
public final class UpSampling2D extends FluentLayer<UpSampling2D> {
    private int[] size = {2, 2};
    private String dataFormat = "channels_last", interpolation = "nearest";

    public UpSampling2D() {}

    /** {@code new UpSampling2D(2)} doubles rows and columns; {@code new UpSampling2D(2, 3)} per axis. */
    public UpSampling2D(int... size) {
        this.size = Options.perAxis(label(), "size", 2, size);
    }

    public UpSampling2D dataFormat(String f) { checkNotBuilt(); dataFormat = Options.oneOf(label(), "data_format", f, List.of("channels_last", "channels_first")); return this; }
    /** "nearest" repeats each value; "bilinear" blends neighbours. The shape is the same either way. */
    public UpSampling2D interpolation(String i) { checkNotBuilt(); interpolation = Options.oneOf(label(), "interpolation", i, List.of("nearest", "bilinear")); return this; }

    public int[] size() { return size.clone(); }
    public String dataFormat() { return dataFormat; }
    public String interpolation() { return interpolation; }

    @Override
    protected Derivation derive(Shape in) {
        boolean last = dataFormat.equals("channels_last");
        requireRank(in, 3, last ? "(rows, cols, channels)" : "(channels, rows, cols)",
                "UpSampling2D enlarges rows and columns of feature maps; add a channels axis, e.g. Reshape to (rows, cols, 1)");
        Derivation d = start(in).note(interpolation.equals("nearest")
                ? "repeats each row " + size[0] + " time(s) and each column " + size[1] + " time(s); channels pass through"
                : "interpolates " + size[0] + "× more rows and " + size[1] + "× more columns; channels pass through");
        int r = last ? 0 : 1;
        if (!last) d.keep("channels", in.dim(0));
        d.dim("rows", "O", Expr.var("W", in.dim(r)).times(Expr.var("size_h", size[0])));
        d.dim("cols", "O", Expr.var("W", in.dim(r + 1)).times(Expr.var("size_w", size[1])));
        if (last) d.keep("channels", in.dim(2));
        return d;
    }

    /** Nearest: each value is repeated into a size_h×size_w block, by broadcasting over two new axes. */
    @Override
    public NDArray forward(NDArray x, boolean training) {
        if (!interpolation.equals("nearest")) throw notComputable();
        boolean last = dataFormat.equals("channels_last");
        NDArray xl = last ? x.contiguous() : DataFormat.toChannelsLast(x);
        int n = xl.dim(0), h = xl.dim(1), w = xl.dim(2), c = xl.dim(3);
        NDArray blocks = xl.reshape(n, h, 1, w, 1, c).add(NDArray.zeros(n, h, size[0], w, size[1], c));
        NDArray y = blocks.reshape(n, h * size[0], w * size[1], c);
        return last ? y : DataFormat.toChannelsFirst(y);
    }

    /** Each input value was copied into a block, so its gradient is the sum over that block. */
    @Override
    public NDArray backward(NDArray gradOut) {
        boolean last = dataFormat.equals("channels_last");
        NDArray g = last ? gradOut.contiguous() : DataFormat.toChannelsLast(gradOut);
        int n = g.dim(0), h = g.dim(1) / size[0], w = g.dim(2) / size[1], c = g.dim(3);
        NDArray dx = g.reshape(n, h, size[0], w, size[1], c).sum(4).sum(2);
        return last ? dx : DataFormat.toChannelsFirst(dx);
    }

    @Override
    protected void addConfig(Map<String, Object> c) {
        c.put("size", Convolution.list(size));
        c.put("data_format", dataFormat);
        c.put("interpolation", interpolation);
    }
}
