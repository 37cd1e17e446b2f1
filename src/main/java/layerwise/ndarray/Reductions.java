package layerwise.ndarray;

import java.util.Arrays;

import layerwise.error.Problem;
import layerwise.error.ShapeException;
import layerwise.ndarray.kernels.ColumnSums;

/**
 * Sums, means, maxima and argmax along one axis. The array is seen as (outer, n, inner) around that
 * axis, so every reduction is the same double loop; sums accumulate in double to keep float32 exact
 * enough for a loss over thousands of numbers.
 */
final class Reductions {
    private Reductions() {}

    enum Kind { SUM, MEAN, MAX, MIN, ARGMAX }

    static NDArray along(NDArray a, int axis, Kind kind, boolean keepDims) {
        int[] shape = a.layout.shape;
        int k = checkAxis(a, axis);
        float[] x = a.contiguous().data;
        int n = shape[k], outer = 1, inner = 1;
        for (int i = 0; i < k; i++) outer *= shape[i];
        for (int i = k + 1; i < shape.length; i++) inner *= shape[i];
        if (n == 0 && (kind == Kind.MAX || kind == Kind.MIN || kind == Kind.ARGMAX)) {
            throw new ShapeException(Problem.at("NDArray." + kind.name().toLowerCase())
                    .headline("zero-size array to reduction operation " + kind.name().toLowerCase() + " which has no identity")
                    .expected("at least one element along axis " + k).got("shape " + a.shape()).fix("reduce along a non-empty axis"));
        }
        float[] out = new float[outer * inner];
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) out[o * inner + i] = reduce(x, o * n * inner + i, inner, n, kind);
        }
        return new NDArray(out, Layout.rowMajor(reducedShape(shape, k, keepDims)));
    }

    private static float reduce(float[] x, int start, int step, int n, Kind kind) {
        switch (kind) {
            case SUM, MEAN -> {
                double s = 0;
                for (int j = 0; j < n; j++) s += x[start + j * step];
                return (float) (kind == Kind.MEAN ? s / n : s);
            }
            default -> {
                int best = 0;
                for (int j = 1; j < n; j++) {
                    float v = x[start + j * step], b = x[start + best * step];
                    if (kind == Kind.MIN ? v < b : v > b) best = j;
                }
                return kind == Kind.ARGMAX ? best : x[start + best * step];
            }
        }
    }

    /** out = Σ_rows x + beta·out, x seen as (rows, out.size()). */
    static void sumRowsInto(NDArray x, NDArray out, float beta) {
        int cols = out.size(), rows = cols == 0 ? 0 : x.size() / cols;
        if ((long) rows * cols != x.size() || !out.layout.isCompact()) {
            throw new ShapeException(Problem.at("NDArray.sumRowsInto")
                    .headline("cannot sum rows of " + x.shape() + " into " + out.shape())
                    .expected("an array whose size is a whole number of rows of " + cols + ", and a compact output")
                    .got(x.shape() + " into " + out.shape()).fix("reshape the array to (rows, " + cols + ")"));
        }
        float[] xs = x.data();
        if (beta == 0f && out.layout.offset == 0 && out.data.length == cols) {
            ColumnSums.sum(xs, rows, cols, out.data);
            return;
        }
        float[] o = out.data;
        int off = out.layout.offset;
        for (int j = 0; j < cols; j++) o[off + j] *= beta;
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < cols; j++) o[off + j] += xs[r * cols + j];
        }
    }

    static double sumAll(NDArray a) {
        float[] x = a.contiguous().data;
        int off = a.layout.isCompact() ? a.layout.offset : 0;
        double s = 0;
        for (int i = 0; i < a.size(); i++) s += x[off + i];
        return s;
    }

    static int checkAxis(NDArray a, int axis) {
        int r = a.rank();
        int k = axis < 0 ? axis + r : axis;
        if (k < 0 || k >= r) {
            throw new ShapeException(Problem.at("NDArray")
                    .headline("axis " + axis + " is out of bounds for array of dimension " + r)
                    .expected("an axis from " + (-r) + " to " + (r - 1)).got("axis " + axis + " on shape " + a.shape())
                    .fix("count axes from 0 (the batch axis) or from -1 (the last axis)"));
        }
        return k;
    }

    private static int[] reducedShape(int[] shape, int k, boolean keepDims) {
        if (keepDims) {
            int[] s = shape.clone();
            s[k] = 1;
            return s;
        }
        int[] s = new int[shape.length - 1];
        for (int i = 0, j = 0; i < shape.length; i++) if (i != k) s[j++] = shape[i];
        return Arrays.copyOf(s, s.length);
    }
}
