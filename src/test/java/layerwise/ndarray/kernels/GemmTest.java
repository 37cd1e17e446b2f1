package layerwise.ndarray.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Every fast GEMM path against the plain reference loop, on random matrices of awkward sizes, with
 * transposes, offsets and leading dimensions larger than the rows.
 */
class GemmTest {
    private static final int[] SIZES = {1, 7, 33, 257};

    /** One product to check: sizes, transposes, scalars, and the padding around each matrix. */
    private record Case(boolean ta, boolean tb, int m, int n, int k, float alpha, float beta, int pad, int off) {}

    /** Runs {@code c} with {@code fast} and with the reference, on the same random data; returns the worst error. */
    private static void check(Case t, Gemm3 fast) {
        Random random = new Random(31L * t.m() + 17L * t.n() + t.k() + (t.ta() ? 5 : 0) + (t.tb() ? 11 : 0));
        int lda = (t.ta() ? t.m() : t.k()) + t.pad(), ldb = (t.tb() ? t.k() : t.n()) + t.pad(), ldc = t.n() + t.pad();
        float[] a = random(random, t.off() + (t.ta() ? t.k() : t.m()) * lda);
        float[] b = random(random, t.off() + (t.tb() ? t.n() : t.k()) * ldb);
        float[] c = random(random, t.off() + t.m() * ldc), expected = c.clone();
        Gemm.reference(t.ta(), t.tb(), t.m(), t.n(), t.k(), t.alpha(), a, t.off(), lda, b, t.off(), ldb, t.beta(), expected, t.off(), ldc);
        fast.run(t.ta(), t.tb(), t.m(), t.n(), t.k(), t.alpha(), a, t.off(), lda, b, t.off(), ldb, t.beta(), c, t.off(), ldc);
        // each entry sums k products of numbers in [-1, 1): float rounding grows at most like k·2⁻²⁴ each
        float tolerance = 1e-6f * (t.k() + 4) * (Math.abs(t.alpha()) + Math.abs(t.beta()) + 1);
        for (int i = 0; i < c.length; i++) {
            int row = (i - t.off()) / ldc, col = (i - t.off()) % ldc;
            boolean inside = i >= t.off() && row < t.m() && col < t.n();
            if (!inside) {
                assertEquals(expected[i], c[i], 0f, "element " + i + " outside C changed in " + t);
            } else {
                assertEquals(expected[i], c[i], tolerance, "C[" + row + "," + col + "] in " + t);
            }
        }
    }

    interface Gemm3 {
        void run(boolean ta, boolean tb, int m, int n, int k, float alpha, float[] a, int aOff, int lda,
                 float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc);
    }

    private static Gemm3 blocked(BlockedGemm g) {
        return (ta, tb, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc) ->
                g.multiply(new BlockedGemm.Operands(ta, tb, alpha, a, aOff, lda, b, bOff, ldb), m, n, k, beta, BlockedGemm.Out.rowMajor(c, cOff, ldc));
    }

    /** The same product computed as its transpose, Cᵀ = op(B)ᵀ·op(A)ᵀ, written into C with swapped strides. */
    private static Gemm3 transposed(BlockedGemm g) {
        return (ta, tb, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc) ->
                g.multiply(new BlockedGemm.Operands(ta, tb, alpha, a, aOff, lda, b, bOff, ldb).swapped(), n, m, k, beta,
                        new BlockedGemm.Out(c, cOff, 1, ldc));
    }

    private static float[] random(Random random, int size) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) x[i] = random.nextFloat() * 2 - 1;
        return x;
    }

    private static void allShapes(Gemm3 fast) {
        for (int m : SIZES) for (int n : SIZES) for (int k : SIZES) {
            for (int tr = 0; tr < 4; tr++) {
                check(new Case((tr & 1) != 0, (tr & 2) != 0, m, n, k, 1f, 0f, 0, 0), fast);
            }
        }
    }

    @Test
    void entryPointAgreesWithReferenceForAllSizesAndTransposes() {
        allShapes(Gemm::gemm);
    }

    @Test
    void plainBlockedKernelAgreesWithReference() {
        allShapes(blocked(new BlockedGemm(PlainMicroKernel::new)));
    }

    @Test
    void vectorBlockedKernelAgreesWithReference() {
        assertTrue(Gemm.usesVectorApi(), "the tests run with --add-modules jdk.incubator.vector");
        allShapes(blocked(new BlockedGemm(VectorMicroKernel::new)));
    }

    @Test
    void offsetsLeadingDimensionsAlphaAndBetaAreHonoured() {
        for (Gemm3 fast : new Gemm3[] {Gemm::gemm, blocked(new BlockedGemm(PlainMicroKernel::new))}) {
            for (int tr = 0; tr < 4; tr++) {
                check(new Case((tr & 1) != 0, (tr & 2) != 0, 33, 257, 70, 0.5f, -1.5f, 3, 5), fast);
                check(new Case((tr & 1) != 0, (tr & 2) != 0, 130, 40, 300, 2f, 1f, 1, 2), fast);
            }
        }
    }

    @Test
    void plainKernelAgreesAcrossTheEdgesOfItsWideTiles() {
        // n = 1100: two 512-wide tiles fill the first block of 1024 columns, a 76-wide edge tile the next;
        // m = 50 ends in a partial strip of 16 rows; k = 70 ends in a partial group of four steps
        for (int tr = 0; tr < 4; tr++) {
            check(new Case((tr & 1) != 0, (tr & 2) != 0, 50, 1100, 70, 1f, 0f, 0, 0), blocked(new BlockedGemm(PlainMicroKernel::new)));
            check(new Case((tr & 1) != 0, (tr & 2) != 0, 50, 1100, 70, 0.5f, 1f, 2, 1), blocked(new BlockedGemm(PlainMicroKernel::new)));
        }
    }

    @Test
    void productComputedAsItsTransposeAgrees() {
        for (Gemm3 fast : new Gemm3[] {transposed(new BlockedGemm(PlainMicroKernel::new)), transposed(new BlockedGemm(VectorMicroKernel::new))}) {
            for (int tr = 0; tr < 4; tr++) {
                check(new Case((tr & 1) != 0, (tr & 2) != 0, 33, 7, 27, 1f, 0f, 0, 0), fast);
                check(new Case((tr & 1) != 0, (tr & 2) != 0, 257, 16, 33, 0.5f, -1.5f, 3, 5), fast);
            }
        }
    }

    @Test
    void fewColumnsManyRowsGoThroughTheTransposedPath() {
        // n = 8 ≤ 16 columns and m = 700 ≥ 64 rows: Gemm computes Cᵀ
        for (int tr = 0; tr < 4; tr++) {
            check(new Case((tr & 1) != 0, (tr & 2) != 0, 700, 8, 9, 1f, 0f, 0, 0), Gemm::gemm);
            check(new Case((tr & 1) != 0, (tr & 2) != 0, 700, 16, 27, 2f, 1f, 2, 3), Gemm::gemm);
        }
    }

    @Test
    void longSharedAxisIsSplitAndStillAgrees() {
        // m and n give a single C block, k = 20000 is long: k is cut into chunks summed afterwards
        check(new Case(true, false, 27, 32, 20_000, 1f, 0f, 0, 0), Gemm::gemm);
        check(new Case(false, true, 5, 3, 20_000, 1f, 0.5f, 2, 1), Gemm::gemm);
    }

    /** A weight gradient's shape: few rows and columns of C (one block), a long k, so k is split. */
    private static float[] splitProduct(int m, int n, int k, long seed) {
        Random random = new Random(seed);
        float[] a = random(random, k * m), b = random(random, k * n), c = new float[m * n];
        Gemm.gemm(true, false, m, n, k, 1f, a, 0, m, b, 0, n, 0f, c, 0, n);
        return c;
    }

    @Test
    void splitProductIsUnchangedAfterAnotherLeftNumbersInItsScratchSpace() {
        float[] first = splitProduct(27, 32, 20_000, 1);
        splitProduct(200, 100, 30_000, 2);
        assertArrayEquals(first, splitProduct(27, 32, 20_000, 1));
    }

    @Test
    void repeatedSplitProductAllocatesNothingTheSizeOfItsResult() {
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        int m = 200, n = 200, k = 20_000;
        Random random = new Random(4);
        float[] a = random(random, k * m), b = random(random, k * n), c = new float[m * n];
        Runnable product = () -> Gemm.gemm(true, false, m, n, k, 1f, a, 0, m, b, 0, n, 0f, c, 0, n);
        Parallel.serially(product);
        long before = threads.getCurrentThreadAllocatedBytes();
        Parallel.serially(product);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        // k = 20,000 is cut into 9 chunks: fresh partial sums would take 9·200·200·4 bytes = 1.44 MB
        assertTrue(allocated < m * n * 4L, "allocated " + allocated + " bytes for a " + m + "×" + n + " product");
    }

    @Test
    void tallProductSharingPackedPanelsOfBAgrees() {
        // m = 520 gives 5 row blocks of 128, which share each packed panel of B; k = 1030 needs two
        // slices of 1024; n = 150 packs A, n = 40 reads it where it lies
        for (Gemm3 fast : new Gemm3[] {Gemm::gemm, blocked(new BlockedGemm(PlainMicroKernel::new))}) {
            for (int tr = 0; tr < 4; tr++) {
                check(new Case((tr & 1) != 0, (tr & 2) != 0, 520, 150, 1030, 1f, 0f, 0, 0), fast);
                check(new Case((tr & 1) != 0, (tr & 2) != 0, 520, 40, 1030, 0.5f, -1.5f, 3, 5), fast);
            }
        }
    }

    @Test
    void sameResultBitForBitWhenRunOnOneThread() {
        Random random = new Random(3);
        int m = 300, n = 270, k = 600;
        float[] a = random(random, m * k), b = random(random, k * n), parallel = new float[m * n], serial = new float[m * n];
        Gemm.gemm(false, false, m, n, k, 1f, a, 0, k, b, 0, n, 0f, parallel, 0, n);
        Parallel.serially(() -> Gemm.gemm(false, false, m, n, k, 1f, a, 0, k, b, 0, n, 0f, serial, 0, n));
        assertArrayEquals(serial, parallel);
        int tall = 640;
        float[] a3 = random(random, tall * k), tallParallel = new float[tall * n], tallSerial = new float[tall * n];
        Gemm.gemm(false, false, tall, n, k, 1f, a3, 0, k, b, 0, n, 0f, tallParallel, 0, n);
        Parallel.serially(() -> Gemm.gemm(false, false, tall, n, k, 1f, a3, 0, k, b, 0, n, 0f, tallSerial, 0, n));
        assertArrayEquals(tallSerial, tallParallel);
        float[] splitParallel = new float[6], splitSerial = new float[6];
        float[] a2 = random(random, 2 * 40_000), b2 = random(random, 40_000 * 3);
        Gemm.gemm(false, false, 2, 3, 40_000, 1f, a2, 0, 40_000, b2, 0, 3, 0f, splitParallel, 0, 3);
        Parallel.serially(() -> Gemm.gemm(false, false, 2, 3, 40_000, 1f, a2, 0, 40_000, b2, 0, 3, 0f, splitSerial, 0, 3));
        assertArrayEquals(splitSerial, splitParallel);
    }

    @Test
    void batchedProductMultipliesEachItemWithItsOwnStrides() {
        Random random = new Random(9);
        int batch = 3, m = 20, n = 33, k = 40;
        float[] a = random(random, batch * m * k), b = random(random, batch * k * n);
        float[] c = new float[batch * m * n], expected = new float[batch * m * n];
        Gemm.gemm(batch, false, true, m, n, k, 1f, a, 0, k, m * k, b, 0, k, k * n, 0f, c, 0, n, m * n);
        for (int t = 0; t < batch; t++) {
            Gemm.reference(false, true, m, n, k, 1f, a, t * m * k, k, b, t * k * n, k, 0f, expected, t * m * n, n);
        }
        assertArrayEquals(expected, c, 1e-4f);
    }
}
