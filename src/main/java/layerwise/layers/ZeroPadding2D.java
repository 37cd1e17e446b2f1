package layerwise.layers;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import layerwise.error.ConfigException;
import layerwise.error.Problem;
import layerwise.explain.Derivation;
import layerwise.explain.Expr;
import layerwise.ndarray.Joins;
import layerwise.ndarray.NDArray;
import layerwise.ndarray.Shape;

/**
 * Adds rows and columns of zeros around each feature map, e.g. to keep a 'valid' convolution's output
 * size. O_rows = P_top + W + P_bottom, O_cols = P_left + W + P_right; no parameters.
 * Input shape: (rows, cols, channels). Output shape: (rows + P_top + P_bottom, cols + P_left + P_right, channels).
 */
public final class ZeroPadding2D extends FluentLayer<ZeroPadding2D> {
    private final int top, bottom, left, right;
    private String dataFormat = "channels_last";

    /** One zero on every side, Keras's default padding=(1, 1). */
    public ZeroPadding2D() { this(1); }

    /** {@code p} zeros on every side. */
    public ZeroPadding2D(int p) { this(p, p); }

    /** {@code rows} zeros above and below, {@code cols} left and right: Keras's padding=(rows, cols). */
    public ZeroPadding2D(int rows, int cols) { this(new int[] {rows, rows}, new int[] {cols, cols}); }

    /** Keras's padding=((top, bottom), (left, right)). */
    public ZeroPadding2D(int[] topBottom, int[] leftRight) {
        if (topBottom.length != 2 || leftRight.length != 2 || IntStream.concat(
                Arrays.stream(topBottom), Arrays.stream(leftRight)).anyMatch(p -> p < 0)) {
            throw new ConfigException(Problem.at(label())
                    .headline("`padding` should have two elements, each a tuple of 2 non-negative integers. Received: ("
                            + Arrays.toString(topBottom) + ", " + Arrays.toString(leftRight) + ")")
                    .expected("((top, bottom), (left, right)), each 0 or more").got("those numbers")
                    .fix("write new ZeroPadding2D(new int[] {1, 1}, new int[] {2, 2}), or new ZeroPadding2D(1, 2)"));
        }
        top = topBottom[0];
        bottom = topBottom[1];
        left = leftRight[0];
        right = leftRight[1];
    }

    public ZeroPadding2D dataFormat(String f) { checkNotBuilt(); dataFormat = Options.oneOf(label(), "data_format", f, DataFormat.NAMES); return this; }

    /** ((top, bottom), (left, right)). */
    public int[][] padding() { return new int[][] {{top, bottom}, {left, right}}; }
    public String dataFormat() { return dataFormat; }

    @Override
    protected Derivation derive(Shape in) {
        boolean last = dataFormat.equals("channels_last");
        requireRank(in, 3, DataFormat.axesText(2, dataFormat),
                "ZeroPadding2D pads rows and columns of feature maps; add a channels axis, e.g. Reshape to (rows, cols, 1)");
        Derivation d = start(in).note("adds " + top + " row(s) of zeros on top, " + bottom + " below, " + left + " column(s) left, "
                + right + " right; channels pass through");
        int r = last ? 0 : 1;
        if (!last) d.keep("channels", in.dim(0));
        d.dim("rows", "O", Expr.var("P_top", top).plus(Expr.var("W", in.dim(r))).plus(Expr.var("P_bottom", bottom)));
        d.dim("cols", "O", Expr.var("P_left", left).plus(Expr.var("W", in.dim(r + 1))).plus(Expr.var("P_right", right)));
        if (last) d.keep("channels", in.dim(2));
        return d;
    }

    /** Joins blocks of zeros to the rows (axis 1), then to the columns (axis 2) of a channels_last batch. */
    @Override
    public NDArray forward(NDArray x, boolean training) {
        NDArray xl = DataFormat.toLast(dataFormat, x);
        int n = xl.dim(0), w = xl.dim(2), c = xl.dim(3);
        NDArray rows = Joins.concat(1, List.of(NDArray.zeros(n, top, w, c), xl, NDArray.zeros(n, bottom, w, c)));
        int h = rows.dim(1);
        NDArray y = Joins.concat(2, List.of(NDArray.zeros(n, h, left, c), rows, NDArray.zeros(n, h, right, c)));
        return DataFormat.from(dataFormat, y);
    }

    /** The zeros were constants: the gradient is the middle of gradOut, cropped back to the input's size. */
    @Override
    public NDArray backward(NDArray gradOut) {
        NDArray g = DataFormat.toLast(dataFormat, gradOut);
        NDArray dx = g.slice(1, top, g.dim(1) - bottom).slice(2, left, g.dim(2) - right).contiguous();
        return DataFormat.from(dataFormat, dx);
    }

    /** Backward: the inverse of the padding, a crop of ∂L/∂y. */
    @Override
    protected Derivation deriveBackward(Shape in) {
        return startBackward(in).gradient(Gradients.input(in, Gradients.rule("∂L/∂y with the padded rows and columns cut off",
                "\\mathrm{crop}\\left(\\frac{\\partial L}{\\partial y}\\right)"),
                "the added zeros are constants, not inputs: their gradient goes nowhere, and each input number gets the gradient of its own output"));
    }

    @Override
    protected void addConfig(Map<String, Object> c) {
        c.put("padding", List.of(List.of(top, bottom), List.of(left, right)));
        c.put("data_format", dataFormat);
    }

    @Override public Role role() { return Role.RESHAPING; }
}
