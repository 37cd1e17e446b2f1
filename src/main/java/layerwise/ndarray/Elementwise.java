package layerwise.ndarray;

import layerwise.ndarray.kernels.Relu;

/**
 * Element-by-element operations. Binary ones broadcast like NumPy: the shapes are aligned on the
 * right and an axis of size 1 (or a missing one) is repeated, by walking it with stride 0.
 * Every result is a new compact array.
 */
final class Elementwise {
    private Elementwise() {}

    static NDArray map(NDArray a, FloatUnaryOperator f) {
        Layout l = a.layout;
        float[] out = new float[l.size()];
        if (l.isCompact()) {
            for (int i = 0; i < out.length; i++) out[i] = f.apply(a.data[l.offset + i]);
        } else {
            Walk w = new Walk(l.shape, l);
            for (int o = 0; o < out.length; o += w.inner) {
                int p = w.start[0];
                for (int j = 0; j < w.inner; j++) out[o + j] = f.apply(a.data[p + j * w.stride[0]]);
                w.next();
            }
        }
        return new NDArray(out, Layout.rowMajor(l.shape));
    }

    /** A compact copy, row by row: a broadcast or sliced view is copied without a call per number. */
    static NDArray copy(NDArray a) {
        Layout l = a.layout;
        float[] out = new float[l.size()];
        if (l.isCompact()) {
            System.arraycopy(a.data, l.offset, out, 0, out.length);
        } else {
            Walk w = new Walk(l.shape, l);
            for (int o = 0; o < out.length; o += w.inner) {
                int p = w.start[0], s = w.stride[0];
                if (s == 1) System.arraycopy(a.data, p, out, o, w.inner);
                else for (int j = 0; j < w.inner; j++) out[o + j] = a.data[p + j * s];
                w.next();
            }
        }
        return new NDArray(out, Layout.rowMajor(l.shape));
    }

    /**
     * a + b, a − b and a·b: two compact arrays of one shape (the common case: a residual connection, a
     * gradient summed from two uses) get a loop of their own, which the JIT compiles to vector
     * instructions; any other pair broadcasts through {@link #zip}.
     */
    static NDArray add(NDArray a, NDArray b) {
        if (!alike(a, b)) return zip("add", a, b, Float::sum);
        float[] r = new float[a.layout.size()], x = a.data, y = b.data;
        for (int i = 0, ia = a.layout.offset, ib = b.layout.offset; i < r.length; i++) r[i] = x[ia + i] + y[ib + i];
        return new NDArray(r, Layout.rowMajor(a.layout.shape));
    }

    static NDArray sub(NDArray a, NDArray b) {
        if (!alike(a, b)) return zip("sub", a, b, (u, v) -> u - v);
        float[] r = new float[a.layout.size()], x = a.data, y = b.data;
        for (int i = 0, ia = a.layout.offset, ib = b.layout.offset; i < r.length; i++) r[i] = x[ia + i] - y[ib + i];
        return new NDArray(r, Layout.rowMajor(a.layout.shape));
    }

    static NDArray mul(NDArray a, NDArray b) {
        if (!alike(a, b)) return zip("mul", a, b, (u, v) -> u * v);
        float[] r = new float[a.layout.size()], x = a.data, y = b.data;
        for (int i = 0, ia = a.layout.offset, ib = b.layout.offset; i < r.length; i++) r[i] = x[ia + i] * y[ib + i];
        return new NDArray(r, Layout.rowMajor(a.layout.shape));
    }

    private static boolean alike(NDArray a, NDArray b) {
        return a.layout.isCompact() && b.layout.isCompact() && java.util.Arrays.equals(a.layout.shape, b.layout.shape);
    }

    static NDArray zip(String op, NDArray a, NDArray b, FloatBinaryOperator f) {
        int[] shape = Layout.broadcast(op, a.layout.shape, b.layout.shape);
        Layout out = Layout.rowMajor(shape);
        float[] r = new float[out.size()];
        Layout la = a.layout, lb = b.layout;
        if (la.isCompact() && lb.isCompact() && java.util.Arrays.equals(la.shape, lb.shape)) {
            for (int i = 0; i < r.length; i++) r[i] = f.apply(a.data[la.offset + i], b.data[lb.offset + i]);
        } else {
            Walk w = new Walk(shape, la.broadcastTo(shape), lb.broadcastTo(shape));
            for (int o = 0; o < r.length; o += w.inner) {
                int pa = w.start[0], pb = w.start[1], sa = w.stride[0], sb = w.stride[1];
                for (int j = 0; j < w.inner; j++) r[o + j] = f.apply(a.data[pa + j * sa], b.data[pb + j * sb]);
                w.next();
            }
        }
        return new NDArray(r, out);
    }

    static NDArray relu(NDArray z) {
        float[] in = z.data(), out = new float[in.length];
        Relu.forward(in, out, in.length);
        return new NDArray(out, Layout.rowMajor(z.layout.shape));
    }

    static NDArray reluBackward(NDArray z, NDArray gradOut) {
        if (z.size() != gradOut.size()) {
            throw new IllegalArgumentException("relu's backward needs a gradient of the input's size " + z.shape() + ", got " + gradOut.shape());
        }
        float[] zz = z.data(), out = new float[zz.length];
        Relu.backward(zz, gradOut.data(), out, zz.length);
        return new NDArray(out, Layout.rowMajor(z.layout.shape));
    }

    /** Adds {@code b} (broadcast to a's shape) into {@code a} in place: the optimizer's and backward's accumulate. */
    static void addInto(NDArray a, NDArray b, float scale) {
        int[] shape = Layout.broadcast("addInto", a.layout.shape, b.layout.shape);
        if (!java.util.Arrays.equals(shape, a.layout.shape)) {
            throw new IllegalArgumentException("cannot add " + b.shape() + " into " + a.shape() + " in place");
        }
        Walk w = new Walk(shape, a.layout, b.layout.broadcastTo(shape));
        int total = a.layout.size();
        for (int o = 0; o < total; o += w.inner) {
            int pa = w.start[0], pb = w.start[1], sa = w.stride[0], sb = w.stride[1];
            for (int j = 0; j < w.inner; j++) a.data[pa + j * sa] += scale * b.data[pb + j * sb];
            w.next();
        }
    }

    /**
     * Visits an array row by row (a row = the last axis), keeping for each operand the flat position
     * where the current row starts: an odometer over all axes but the last.
     */
    static final class Walk {
        final int inner;
        final int[] start, stride;
        private final int[] shape, index;
        private final Layout[] layouts;

        Walk(int[] shape, Layout... layouts) {
            this.shape = shape;
            this.layouts = layouts;
            int n = shape.length;
            inner = n == 0 ? 1 : Math.max(shape[n - 1], 1);
            index = new int[Math.max(n - 1, 0)];
            start = new int[layouts.length];
            stride = new int[layouts.length];
            for (int i = 0; i < layouts.length; i++) {
                start[i] = layouts[i].offset;
                stride[i] = n == 0 ? 0 : layouts[i].strides[n - 1];
            }
        }

        void next() {
            for (int k = index.length - 1; k >= 0; k--) {
                index[k]++;
                for (int i = 0; i < layouts.length; i++) start[i] += layouts[i].strides[k];
                if (index[k] < shape[k]) return;
                for (int i = 0; i < layouts.length; i++) start[i] -= index[k] * layouts[i].strides[k];
                index[k] = 0;
            }
        }
    }
}
