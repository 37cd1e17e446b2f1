package layerwise.ndarray;

import java.util.Arrays;

import layerwise.error.Problem;
import layerwise.error.ShapeException;

/**
 * Where element (i_0, …, i_n) of an array lives in its flat float[]: offset + Σ i_k·strides[k].
 * Row-major: the last axis has stride 1. A reshape, a transpose or a batch slice only makes a new
 * Layout over the same numbers, which is why they cost nothing. A stride of 0 repeats one element
 * along an axis: that is how broadcasting works without copying.
 */
final class Layout {
    final int[] shape, strides;
    final int offset;

    Layout(int[] shape, int[] strides, int offset) {
        this.shape = shape;
        this.strides = strides;
        this.offset = offset;
    }

    static Layout rowMajor(int... shape) {
        int[] strides = new int[shape.length];
        int s = 1;
        for (int k = shape.length - 1; k >= 0; k--) {
            strides[k] = s;
            s = Math.multiplyExact(s, shape[k]);
        }
        return new Layout(shape.clone(), strides, 0);
    }

    int rank() { return shape.length; }

    int size() {
        int n = 1;
        for (int d : shape) n = Math.multiplyExact(n, d);
        return n;
    }

    /** Index of element (i_0, …, i_n) in the flat array. */
    int position(int... index) {
        if (index.length != shape.length) {
            throw new IndexOutOfBoundsException("an index of an array of shape " + shapeText(shape) + " needs "
                    + shape.length + " numbers, got " + Arrays.toString(index));
        }
        int p = offset;
        for (int k = 0; k < index.length; k++) {
            int i = index[k] < 0 ? index[k] + shape[k] : index[k];
            if (i < 0 || i >= shape[k]) {
                throw new IndexOutOfBoundsException("index " + index[k] + " is out of bounds for axis " + k + " with size " + shape[k]);
            }
            p += i * strides[k];
        }
        return p;
    }

    /** True when the elements lie one after another in row-major order, so the flat array can be used directly. */
    boolean isCompact() {
        int s = 1;
        for (int k = shape.length - 1; k >= 0; k--) {
            if (shape[k] != 1 && strides[k] != s) return false;
            s *= shape[k];
        }
        return true;
    }

    /** The same elements seen with another shape; only possible without copying when compact. */
    Layout reshape(int[] newShape) {
        Layout l = rowMajor(newShape);
        return new Layout(l.shape, l.strides, offset);
    }

    Layout permute(int... axes) {
        if (axes.length != shape.length) throw badAxes(axes);
        int[] s = new int[axes.length], st = new int[axes.length];
        boolean[] seen = new boolean[axes.length];
        for (int k = 0; k < axes.length; k++) {
            int a = axes[k] < 0 ? axes[k] + shape.length : axes[k];
            if (a < 0 || a >= shape.length || seen[a]) throw badAxes(axes);
            seen[a] = true;
            s[k] = shape[a];
            st[k] = strides[a];
        }
        return new Layout(s, st, offset);
    }

    private ShapeException badAxes(int[] axes) {
        return new ShapeException(Problem.at("NDArray.permute")
                .headline("axes don't match array: " + Arrays.toString(axes) + " for shape " + shapeText(shape))
                .expected(shape.length + " axes, each of 0.." + (shape.length - 1) + " once").got(Arrays.toString(axes))
                .fix("list every axis exactly once, e.g. permute(0, 3, 1, 2) for a rank-4 array"));
    }

    /** Elements from..to-1 along one axis. */
    Layout slice(int axis, int from, int to) {
        if (from < 0 || to > shape[axis] || from > to) {
            throw new IndexOutOfBoundsException("slice " + from + ":" + to + " is outside axis " + axis + " of size " + shape[axis]);
        }
        int[] s = shape.clone();
        s[axis] = to - from;
        return new Layout(s, strides.clone(), offset + from * strides[axis]);
    }

    /** This layout seen with shape {@code target}: missing leading axes and axes of size 1 get stride 0. */
    Layout broadcastTo(int[] target) {
        int[] st = new int[target.length];
        int shift = target.length - shape.length;
        for (int k = 0; k < shape.length; k++) st[k + shift] = shape[k] == 1 ? 0 : strides[k];
        return new Layout(target.clone(), st, offset);
    }

    /** NumPy's rule: align the shapes on the right; on each axis the sizes must agree or one must be 1. */
    static int[] broadcast(String op, int[] a, int[] b) {
        int n = Math.max(a.length, b.length);
        int[] out = new int[n];
        for (int k = 1; k <= n; k++) {
            int da = k <= a.length ? a[a.length - k] : 1, db = k <= b.length ? b[b.length - k] : 1;
            if (da != db && da != 1 && db != 1) {
                throw new ShapeException(Problem.at("NDArray." + op)
                        .headline("operands could not be broadcast together with shapes " + shapeText(a) + " " + shapeText(b))
                        .expected("on every axis, counted from the right, equal sizes or a size of 1")
                        .got("axis " + (-k) + " (the " + ordinal(k) + " from the right): " + da + " in " + shapeText(a)
                                + " but " + db + " in " + shapeText(b))
                        .why("broadcasting can only repeat an axis of size 1; it cannot stretch " + Math.min(da, db) + " to " + Math.max(da, db))
                        .fix("reshape one operand so that the axis lines up, e.g. add an axis of size 1 with reshape"));
            }
            out[n - k] = Math.max(da, db);
        }
        return out;
    }

    private static String ordinal(int k) {
        return k == 1 ? "last" : k == 2 ? "2nd" : k == 3 ? "3rd" : k + "th";
    }

    /** Python tuple form: (2, 3), (4,), (). */
    static String shapeText(int[] shape) {
        if (shape.length == 1) return "(" + shape[0] + ",)";
        StringBuilder b = new StringBuilder("(");
        for (int k = 0; k < shape.length; k++) b.append(k == 0 ? "" : ", ").append(shape[k]);
        return b.append(")").toString();
    }
}
