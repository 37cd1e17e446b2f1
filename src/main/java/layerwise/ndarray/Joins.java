package layerwise.ndarray;

import java.util.List;

import layerwise.error.Problem;
import layerwise.error.ShapeException;

/**
 * Putting arrays side by side along an axis (NumPy's concatenate) and reversing an axis (np.flip).
 * Both see an array as (outer, axis, inner) blocks, so they are plain block copies.
 */
public final class Joins {
    private Joins() {}

    /** The parts joined along {@code axis}; every other axis must be equal. */
    public static NDArray concat(int axis, List<NDArray> parts) {
        NDArray first = parts.get(0);
        int ax = axis < 0 ? axis + first.rank() : axis;
        int[] shape = first.dims();
        shape[ax] = 0;
        for (NDArray p : parts) {
            for (int k = 0; k < shape.length; k++) {
                if (k != ax && (p.rank() != first.rank() || p.dim(k) != first.dim(k))) {
                    throw new ShapeException(Problem.at("Joins.concat")
                            .headline("all the input array dimensions except for the concatenation axis must match exactly, but along dimension "
                                    + k + ", the array at index 0 has size " + first.dim(k) + " and another has size " + (p.rank() > k ? p.dim(k) : 0))
                            .expected("arrays equal on every axis but " + ax).got(first.shape() + " and " + p.shape())
                            .fix("make the other axes equal before joining"));
                }
            }
            shape[ax] += p.dim(ax);
        }
        int outer = outer(first, ax), inner = inner(first, ax);
        float[] out = new float[outer * shape[ax] * inner];
        int at = 0;
        for (NDArray p : parts) {
            float[] src = p.data();
            int block = p.dim(ax) * inner;
            for (int o = 0; o < outer; o++) System.arraycopy(src, o * block, out, o * shape[ax] * inner + at, block);
            at += block;
        }
        return NDArray.wrap(out, shape);
    }

    /** A copy with the order along {@code axis} reversed: x[:, ::-1] for axis 1. */
    public static NDArray reverse(NDArray x, int axis) {
        int ax = axis < 0 ? axis + x.rank() : axis;
        int outer = outer(x, ax), n = x.dim(ax), inner = inner(x, ax);
        float[] src = x.data(), out = new float[src.length];
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < n; i++) System.arraycopy(src, (o * n + i) * inner, out, (o * n + n - 1 - i) * inner, inner);
        }
        return NDArray.wrap(out, x.dims());
    }

    private static int outer(NDArray x, int axis) {
        int n = 1;
        for (int k = 0; k < axis; k++) n *= x.dim(k);
        return n;
    }

    private static int inner(NDArray x, int axis) {
        int n = 1;
        for (int k = axis + 1; k < x.rank(); k++) n *= x.dim(k);
        return n;
    }
}
