package layerwise.ndarray;

import java.util.Arrays;

import layerwise.error.Problem;
import layerwise.error.ShapeException;
import layerwise.ndarray.kernels.Gemm;

/**
 * Matrix products as NumPy's matmul: (m, k)·(k, n) → (m, n); with more axes the leading ones are a
 * batch of matrices and broadcast, (b, m, k)·(k, n) → (b, m, n). A 1-D operand is a row (left) or a
 * column (right) whose axis is dropped again. Every product goes through {@link Gemm#gemm}; a
 * transposed view is passed as the BLAS transpose flag instead of being copied.
 */
final class MatMul {
    private MatMul() {}

    static NDArray matmul(NDArray a, NDArray b) {
        boolean vecA = a.rank() == 1, vecB = b.rank() == 1;
        if (a.rank() == 0 || b.rank() == 0) throw scalar(a, b);
        NDArray a2 = vecA ? a.reshape(1, a.dim(0)) : a, b2 = vecB ? b.reshape(b.dim(0), 1) : b;
        int m = a2.dim(-2), k = a2.dim(-1), k2 = b2.dim(-2), n = b2.dim(-1);
        if (k != k2) throw mismatch(a, b, k, k2);
        int[] batch = Layout.broadcast("matmul", lead(a2.layout.shape), lead(b2.layout.shape));
        int[] outShape = Arrays.copyOf(batch, batch.length + 2);
        outShape[batch.length] = m;
        outShape[batch.length + 1] = n;
        NDArray out = NDArray.zeros(outShape);
        into(a2, b2, out, 0f);
        if (vecA && vecB) return out.reshape();
        if (vecA) return out.reshape(dropAxis(outShape, outShape.length - 2));
        if (vecB) return out.reshape(dropAxis(outShape, outShape.length - 1));
        return out;
    }

    /**
     * out = a·b + beta·out, written where out lies (a view with rows of adjacent numbers, such as a
     * column slice of a gradient). With beta = 0 out is only written; with beta = 1 the product is added.
     * The batch axes of a and b broadcast to those of out.
     */
    static void into(NDArray a, NDArray b, NDArray out, float beta) {
        int m = a.dim(-2), k = a.dim(-1), n = b.dim(-1);
        if (b.dim(-2) != k) throw mismatch(a, b, k, b.dim(-2));
        int[] batch = lead(out.layout.shape);
        int[] expected = Arrays.copyOf(Layout.broadcast("matmul", lead(a.layout.shape), lead(b.layout.shape)), batch.length + 2);
        expected[batch.length] = m;
        expected[batch.length + 1] = n;
        Operand pa = Operand.of(a), pb = Operand.of(b), pc = Operand.of(out);
        if (!Arrays.equals(expected, out.layout.shape) || pc.trans || pc.data != out.data) throw badOutput(out, expected);
        int[] idx = new int[batch.length];
        if (batch.length == 1) {
            Gemm.gemm(batch[0], pa.trans, pb.trans, m, n, k, 1f, pa.data, pa.offset(idx, batch), pa.ld, pa.batchStride(),
                    pb.data, pb.offset(idx, batch), pb.ld, pb.batchStride(), beta, pc.data, pc.offset(idx, batch), pc.ld, pc.batchStride());
            return;
        }
        for (int t = 0, count = Layout.rowMajor(batch).size(); t < count; t++) {
            Gemm.gemm(pa.trans, pb.trans, m, n, k, 1f, pa.data, pa.offset(idx, batch), pa.ld,
                    pb.data, pb.offset(idx, batch), pb.ld, beta, pc.data, pc.offset(idx, batch), pc.ld);
            increment(idx, batch);
        }
    }

    /** A matrix operand as Gemm wants it: a flat array, a leading dimension and a transpose flag. */
    private record Operand(float[] data, Layout layout, boolean trans, int ld) {
        static Operand of(NDArray x) {
            Layout l = x.layout;
            int r = l.rank();
            int rowStride = l.strides[r - 2], colStride = l.strides[r - 1];
            if (colStride == 1 && rowStride >= l.shape[r - 1]) return new Operand(x.data, l, false, rowStride);
            if (rowStride == 1 && colStride >= l.shape[r - 2]) return new Operand(x.data, l, true, colStride);
            NDArray c = x.copy();
            return new Operand(c.data, c.layout, false, c.layout.strides[r - 2]);
        }

        /** The distance between two matrices of a batch with one batch axis; 0 when broadcast. */
        int batchStride() { return layout.rank() < 3 || layout.shape[0] == 1 ? 0 : layout.strides[0]; }

        int offset(int[] idx, int[] batch) {
            int p = layout.offset, lead = layout.rank() - 2, shift = batch.length - lead;
            for (int i = 0; i < lead; i++) {
                if (layout.shape[i] != 1) p += idx[i + shift] * layout.strides[i];
            }
            return p;
        }
    }

    private static int[] lead(int[] shape) { return Arrays.copyOf(shape, shape.length - 2); }

    private static void increment(int[] idx, int[] shape) {
        for (int i = idx.length - 1; i >= 0; i--) {
            if (++idx[i] < shape[i]) return;
            idx[i] = 0;
        }
    }

    private static int[] dropAxis(int[] s, int axis) {
        int[] r = new int[s.length - 1];
        for (int i = 0, j = 0; i < s.length; i++) if (i != axis) r[j++] = s[i];
        return r;
    }

    private static ShapeException mismatch(NDArray a, NDArray b, int k, int k2) {
        return new ShapeException(Problem.at("NDArray.matmul")
                .headline("matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (n?,k),(k,m?)->(n?,m?) (size "
                        + k2 + " is different from " + k + ")")
                .expected("the last axis of the left operand " + a.shape() + " to equal the second-to-last axis of the right operand " + b.shape())
                .got("axis -1 of " + a.shape() + " is " + k + ", axis " + (b.rank() == 1 ? "0" : "-2") + " of " + b.shape() + " is " + k2)
                .why("each output element is a sum of " + k + " products, pairing a row of the left with a column of the right")
                .fix("transpose one operand (x.transpose()) or reshape it so the inner sizes agree"));
    }

    private static ShapeException badOutput(NDArray out, int[] expected) {
        return new ShapeException(Problem.at("NDArray.matmulInto")
                .headline("matmul: output array has the wrong shape or layout")
                .expected("an output of shape " + Layout.shapeText(expected) + " whose rows lie in adjacent numbers").got(out.shape().toString())
                .fix("pass an array made with NDArray.zeros of that shape, or a slice of one along its rows or columns"));
    }

    private static ShapeException scalar(NDArray a, NDArray b) {
        return new ShapeException(Problem.at("NDArray.matmul")
                .headline("matmul: Input operand does not have enough dimensions")
                .expected("operands with at least one axis").got(a.shape() + " and " + b.shape())
                .fix("use mul(…) to multiply by a scalar"));
    }
}
