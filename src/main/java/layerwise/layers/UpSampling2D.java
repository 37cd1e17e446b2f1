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
    private NDArray savedRows, savedCols;

    public UpSampling2D() {}

    /** {@code new UpSampling2D(2)} doubles rows and columns; {@code new UpSampling2D(2, 3)} per axis. */
    public UpSampling2D(int... size) {
        this.size = Options.perAxis(label(), "size", 2, size);
    }

    public UpSampling2D dataFormat(String f) { checkNotBuilt(); dataFormat = Options.oneOf(label(), "data_format", f, DataFormat.NAMES); return this; }
    /** "nearest" repeats each value; "bilinear" blends neighbours. The shape is the same either way. */
    public UpSampling2D interpolation(String i) { checkNotBuilt(); interpolation = Options.oneOf(label(), "interpolation", i, List.of("nearest", "bilinear")); return this; }

    public int[] size() { return size.clone(); }
    public String dataFormat() { return dataFormat; }
    public String interpolation() { return interpolation; }

    @Override
    protected Derivation derive(Shape in) {
        boolean last = dataFormat.equals("channels_last");
        requireRank(in, 3, DataFormat.axesText(2, dataFormat),
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

    /** Backward: the transpose of the copying (or blending), so each input gathers the outputs it fed. */
    @Override
    protected Derivation deriveBackward(Shape in) {
        boolean nearest = interpolation.equals("nearest");
        return startBackward(in).gradient(Gradients.input(in, nearest
                ? Gradients.rule("Σ of ∂L/∂y over the " + size[0] + "×" + size[1] + " block each input was copied to", "\\sum_{\\mathrm{block}} \\frac{\\partial L}{\\partial y}")
                : Gradients.rule("Rᵀ · ∂L/∂y · C, per channel", "R^\\top \\frac{\\partial L}{\\partial y} C"),
                nearest ? "each input number was repeated into a block of outputs, so it collects the gradients of all of them"
                        : "each output blended its neighbouring inputs with weights R and C; the gradient goes back with the same weights"));
    }

    /**
     * y = R·x·Cᵀ for each sample and channel, where R (rows_out × rows) and C (cols_out × cols) say how
     * much of each input row or column goes into each output one: a single 1 per output for 'nearest',
     * two neighbours blended for 'bilinear'.
     */
    @Override
    public NDArray forward(NDArray x, boolean training) {
        NDArray xl = DataFormat.toLast(dataFormat, x);
        savedRows = interpolationMatrix(xl.dim(1), size[0]);
        savedCols = interpolationMatrix(xl.dim(2), size[1]);
        NDArray y = savedRows.matmul(xl.permute(0, 3, 1, 2)).matmul(savedCols.transpose()).permute(0, 2, 3, 1).contiguous();
        return DataFormat.from(dataFormat, y);
    }

    /** The transpose of forward: dx = Rᵀ·dy·C, so each input gathers the gradient of every output it fed. */
    @Override
    public NDArray backward(NDArray gradOut) {
        NDArray g = DataFormat.toLast(dataFormat, gradOut);
        NDArray dx = savedRows.transpose().matmul(g.permute(0, 3, 1, 2)).matmul(savedCols).permute(0, 2, 3, 1).contiguous();
        return DataFormat.from(dataFormat, dx);
    }

    /**
     * Row o of the output reads input position (o + ½)/scale − ½ (TensorFlow's half-pixel centres):
     * nearest takes the position it falls in, bilinear blends the two around it, clamped at the edges.
     */
    private NDArray interpolationMatrix(int in, int scale) {
        NDArray m = NDArray.zeros(in * scale, in);
        for (int o = 0; o < in * scale; o++) {
            if (interpolation.equals("nearest")) {
                m.set(1f, o, o / scale);
                continue;
            }
            double src = (o + 0.5) / scale - 0.5, frac = src - Math.floor(src);
            int lo = (int) Math.floor(src), below = Math.max(lo, 0), above = Math.min(lo + 1, in - 1);
            m.set(m.get(o, below) + (float) (1 - frac), o, below);
            m.set(m.get(o, above) + (float) frac, o, above);
        }
        return m;
    }

    @Override
    protected void addConfig(Map<String, Object> c) {
        c.put("size", Options.list(size));
        c.put("data_format", dataFormat);
        c.put("interpolation", interpolation);
    }

    @Override public Role role() { return Role.POOLING; }
}
