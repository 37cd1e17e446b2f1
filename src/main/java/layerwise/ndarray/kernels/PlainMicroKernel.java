package layerwise.ndarray.kernels;

import java.util.Arrays;

/**
 * The plain-Java micro-kernel, for JVMs without the Vector API: a 16×512 tile of C, built four steps
 * of k at a time. Everything it works on lies in one array, w: the 16 tile rows, then the rows of B for
 * the current four steps, copied out of the packed strip. One loop per tile row adds the four steps:
 * <pre>
 *   for j:  t_r[j] += a[r, p]·b[p, j] + a[r, p+1]·b[p+1, j] + a[r, p+2]·b[p+2, j] + a[r, p+3]·b[p+3, j]
 * </pre>
 * C2 turns such a loop into SIMD instructions only when it can tell that the loop's store never feeds
 * one of its loads, and, in JDK 17, only when every access sits at the same place relative to the SIMD
 * width. Places in one array a constant apart answer both: so each row is named by a constant (one call
 * per row in {@link #passes}, which C2 inlines). A loop variable would hide the distance, and separate
 * arrays each lie differently relative to the SIMD width, so that most loads would straddle cache lines.
 * <p>
 * The other sizes follow from what C2 does around that loop. It runs up to 15 iterations one by one
 * before the SIMD part (to align its stores) and as many after it, whatever the length: how many
 * depends on where the JVM placed w, which Java cannot choose (none when w starts on 64 bytes, 16
 * per row otherwise); a row 512 long keeps most of the time in the SIMD part. Four steps per loop
 * read and write each tile row once per four steps; with five or more, the loop body grows past what
 * C2 unrolls, and it stays scalar. Sixteen rows share each copy of B, and the 20 rows of w (40 KB)
 * fit a 48 KB L1 cache.
 */
final class PlainMicroKernel implements MicroKernel {
    static final int MR = 16, NR = 512;
    /** Steps of k per pass, and where the rows of B start in w. */
    private static final int S = 4, B_ROWS = MR * NR;

    private final float[] w = new float[(MR + S) * NR];
    /**
     * a[r, p + s] of the current pass at s·MR + r (zeros past the end of k): the order of a packed
     * strip of A, so that a whole pass of it arrives in one copy instead of 64 strided reads.
     */
    private final float[] coef = new float[MR * S];

    @Override public int mr() { return MR; }

    @Override public int nr() { return NR; }

    @Override
    public void multiply(int kc, int rows, int cols, float[] a, int ai, int ars, int acs, float[] b, int bi, int bs,
                         float[] c, int ci, int ldc, boolean add) {
        float[] w = this.w, coef = this.coef;
        Arrays.fill(w, 0, rows * NR, 0f);
        for (int p = 0; p < kc; p += S) {
            int steps = Math.min(S, kc - p);
            for (int s = 0; s < S; s++) {
                if (s < steps) {
                    System.arraycopy(b, bi + (p + s) * bs, w, B_ROWS + s * NR, cols);
                } else {
                    Arrays.fill(w, B_ROWS + s * NR, B_ROWS + s * NR + cols, 0f);
                }
            }
            if (ars == 1 && acs == MR && steps == S) {
                System.arraycopy(a, ai + p * MR, coef, 0, S * MR);
            } else {
                for (int s = 0; s < S; s++) {
                    for (int r = 0; r < rows; r++) coef[s * MR + r] = s < steps ? a[ai + r * ars + (p + s) * acs] : 0f;
                }
            }
            passes(w, coef, rows, cols);
        }
        for (int r = 0; r < rows; r++) store(w, r * NR, cols, c, ci + r * ldc, add);
    }

    /**
     * Each of the first {@code rows} tile rows gets the four steps of B now in w. A method of its own:
     * once compiled, it is larger than C2 inlines into a caller (InlineSmallCode), so that a caller's
     * compilation need not repeat its sixteen loops.
     */
    private static void passes(float[] w, float[] coef, int rows, int cols) {
        switch (rows) { // falls through: row r is updated whenever rows > r
            case 16: pass(w, 15, coef, cols);
            case 15: pass(w, 14, coef, cols);
            case 14: pass(w, 13, coef, cols);
            case 13: pass(w, 12, coef, cols);
            case 12: pass(w, 11, coef, cols);
            case 11: pass(w, 10, coef, cols);
            case 10: pass(w, 9, coef, cols);
            case 9: pass(w, 8, coef, cols);
            case 8: pass(w, 7, coef, cols);
            case 7: pass(w, 6, coef, cols);
            case 6: pass(w, 5, coef, cols);
            case 5: pass(w, 4, coef, cols);
            case 4: pass(w, 3, coef, cols);
            case 3: pass(w, 2, coef, cols);
            case 2: pass(w, 1, coef, cols);
            default: pass(w, 0, coef, cols);
        }
    }

    /** Tile row r (a constant at each call) gets the four steps of B now in w. */
    private static void pass(float[] w, int r, float[] coef, int cols) {
        int t = r * NR;
        float a0 = coef[r], a1 = coef[MR + r], a2 = coef[2 * MR + r], a3 = coef[3 * MR + r];
        for (int j = 0; j < cols; j++) {
            w[t + j] += a0 * w[B_ROWS + j] + a1 * w[B_ROWS + NR + j] + a2 * w[B_ROWS + 2 * NR + j] + a3 * w[B_ROWS + 3 * NR + j];
        }
    }

    private static void store(float[] w, int t, int cols, float[] c, int at, boolean add) {
        if (!add) {
            System.arraycopy(w, t, c, at, cols);
            return;
        }
        for (int j = 0; j < cols; j++) c[at + j] += w[t + j];
    }
}
