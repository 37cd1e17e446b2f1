package layerwise.ndarray.kernels;

/**
 * The innermost step of the blocked GEMM: a small MR×NR tile of C gets the product of a packed
 * MR-row strip of A and a packed NR-column strip of B, both kc long:
 * C[r, j] (+)= Σ_p a[p·MR + r] · b[p·NR + j], adding to C or overwriting it. The tile's sums stay in
 * registers (or a tile in L1) for all kc steps, so each number loaded feeds MR or NR multiply-adds.
 * Each thread uses its own instance, so a kernel may keep scratch space in fields.
 */
interface MicroKernel {
    int mr();

    int nr();

    void multiply(int kc, float[] a, int ai, float[] b, int bi, float[] c, int ci, int ldc, boolean add);
}
