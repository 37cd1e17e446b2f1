package layerwise.ndarray.kernels;

import java.util.Arrays;

/**
 * Matrix multiply on flat float arrays, in the BLAS form: C = alpha·op(A)·op(B) + beta·C, where op(X)
 * is X or its transpose. A is m×k after op, B is k×n after op, C is m×n; each matrix is row-major with
 * its own leading dimension (the distance between the starts of two rows) and offset.
 * <p>
 * {@link #gemm} is the one entry point. Tiny products run the plain loop of {@link #reference};
 * larger ones the cache-blocked, multi-threaded {@link BlockedGemm}, whose innermost tile uses the
 * Vector API when the JVM was started with {@code --add-modules jdk.incubator.vector} and plain Java
 * otherwise (set {@code -Dlayerwise.vector=false} to force plain Java). With beta = 0, C is only
 * written, never read, as in BLAS.
 */
public final class Gemm {
    /** Below this many multiply-adds the blocked kernel's packing costs more than it saves. */
    static final long SMALL = 16 * 1024;

    private static final boolean VECTOR = Boolean.parseBoolean(System.getProperty("layerwise.vector", "true"))
            && ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    private static final BlockedGemm FAST = new BlockedGemm(() -> vectorOr(MicroKernel.class, "VectorMicroKernel", PlainMicroKernel::new));

    private Gemm() {}

    /** True when the fast path uses the Vector API. */
    public static boolean usesVectorApi() { return VECTOR; }

    public static void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                            float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                            float beta, float[] c, int cOff, int ldc) {
        if (m == 0 || n == 0) return;
        var ops = new BlockedGemm.Operands(transA, transB, alpha, a, aOff, lda, b, bOff, ldb);
        if ((long) m * n * k <= SMALL) {
            reference(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        } else if (FAST.prefersTransposed(m, n)) {
            // few columns, many rows (a convolution with few filters): compute Cᵀ = op(B)ᵀ·op(A)ᵀ
            FAST.multiply(ops.swapped(), n, m, k, beta, new BlockedGemm.Out(c, cOff, 1, ldc));
        } else {
            FAST.multiply(ops, m, n, k, beta, BlockedGemm.Out.rowMajor(c, cOff, ldc));
        }
    }

    /**
     * A batch of equally shaped products: item t multiplies A at aOff + t·strideA by B at
     * bOff + t·strideB into C at cOff + t·strideC. Small items run side by side, one per core.
     */
    public static void gemm(int batch, boolean transA, boolean transB, int m, int n, int k, float alpha,
                            float[] a, int aOff, int lda, int strideA, float[] b, int bOff, int ldb, int strideB,
                            float beta, float[] c, int cOff, int ldc, int strideC) {
        boolean sideBySide = (long) m * n * k < (long) BlockedGemm.MC * BlockedGemm.NC * BlockedGemm.KC;
        if (sideBySide) {
            Parallel.forEach(batch, t -> gemm(transA, transB, m, n, k, alpha, a, aOff + t * strideA, lda,
                    b, bOff + t * strideB, ldb, beta, c, cOff + t * strideC, ldc));
        } else {
            for (int t = 0; t < batch; t++) {
                gemm(transA, transB, m, n, k, alpha, a, aOff + t * strideA, lda,
                        b, bOff + t * strideB, ldb, beta, c, cOff + t * strideC, ldc);
            }
        }
    }

    /**
     * The plain reference: loops ordered i, p, j so the innermost loop walks a row of B and a row of C
     * with the same index. Every faster path must agree with it.
     */
    static void reference(boolean transA, boolean transB, int m, int n, int k, float alpha,
                          float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                          float beta, float[] c, int cOff, int ldc) {
        for (int i = 0; i < m; i++) {
            int ci = cOff + i * ldc;
            if (beta == 0f) {
                Arrays.fill(c, ci, ci + n, 0f);
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

    /**
     * A new instance of the Vector API kernel {@code vectorClass} (in this package) when the module is
     * present, else {@code plain}'s. Loaded by name, so that a JVM without the module never sees the class.
     */
    static <T> T vectorOr(Class<T> kind, String vectorClass, java.util.function.Supplier<T> plain) {
        if (!VECTOR) return plain.get();
        try {
            return kind.cast(Class.forName("layerwise.ndarray.kernels." + vectorClass).getDeclaredConstructor().newInstance());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the Vector API module is present but its kernel " + vectorClass + " could not load", e);
        }
    }
}
