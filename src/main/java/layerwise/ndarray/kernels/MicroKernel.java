package layerwise.ndarray.kernels;

/**
 * The innermost step of the blocked GEMM: a small MR×NR tile of C gets the product of an MR-row
 * strip of A and an NR-column strip of B, both kc long:
 * C[r, j] (+)= Σ_p a[ai + r·ars + p·acs] · b[bi + p·bs + j], adding to C or overwriting it.
 * Only the first rows×cols are needed (fewer than MR×NR at the edges of C); a kernel may compute
 * and write all of the tile, since such a tile goes to scratch space.
 * Packed strips have ars = 1, acs = MR, bs = NR; a row-major A can also be read where it lies
 * (ars = lda, acs = 1), and so can a row-major B (bs = ldb). The tile's sums stay in
 * registers (or a tile in L1) for all kc steps, so each number loaded feeds MR or NR multiply-adds.
 * Each thread uses its own instance, so a kernel may keep scratch space in fields.
 */
interface MicroKernel {
    int mr();

    int nr();

    void multiply(int kc, int rows, int cols, float[] a, int ai, int ars, int acs, float[] b, int bi, int bs, float[] c, int ci, int ldc, boolean add);
}
