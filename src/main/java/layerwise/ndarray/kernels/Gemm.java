package layerwise.ndarray.kernels;

/**
 * Matrix multiply on flat float arrays, in the BLAS form: C = alpha·op(A)·op(B) + beta·C, where op(X)
 * is X or its transpose. A is m×k after op, B is k×n after op, C is m×n; each matrix is row-major with
 * its own leading dimension (the distance between the starts of two rows) and offset.
 * <p>
 * This is the plain reference version: loops ordered i, p, j so the innermost loop walks a row of B
 * and a row of C with the same index. Faster versions live beside it and must agree with it.
 */
public final class Gemm {
    private Gemm() {}

    public static void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                            float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                            float beta, float[] c, int cOff, int ldc) {
        for (int i = 0; i < m; i++) {
            int ci = cOff + i * ldc;
            if (beta == 0f) {
                java.util.Arrays.fill(c, ci, ci + n, 0f);
            } else if (beta != 1f) {
                for (int j = 0; j < n; j++) c[ci + j] *= beta;
            }
            for (int p = 0; p < k; p++) {
                float aip = alpha * (transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p]);
                if (aip == 0f) continue;
                if (transB) {
                    for (int j = 0; j < n; j++) c[ci + j] += aip * b[bOff + j * ldb + p];
                } else {
                    int bp = bOff + p * ldb;
                    for (int j = 0; j < n; j++) c[ci + j] += aip * b[bp + j];
                }
            }
        }
    }
}
