package layerwise.ndarray.kernels;

import java.util.function.Supplier;

/**
 * The fast GEMM: C = alpha·op(A)·op(B) + beta·C, cut into blocks that fit the caches (after
 * Goto and van de Geijn, "Anatomy of high-performance matrix multiplication", 2008).
 * <pre>
 *   nc      for each NC = 1024 columns of C, and
 *   kc      for each KC = 1024 slice of the shared axis k, in order:
 *   pack B  copy op(B)[kc × nc] into NR-wide column strips, each contiguous in the order the
 *           micro-kernel reads it (a transposed B is transposed here)
 *   task    for each MC = 128 rows of C, in parallel (each task writes only its own rows):
 *   pack A  copy op(A)[MC × kc] into MR-high row strips; when C has fewer than 128 columns (a
 *           convolution's filters), an A with alpha 1 is read where it lies (row-major or
 *           transposed) instead, since packing it would cost as much as the product
 *   tiles   for each B strip, for each A strip: the micro-kernel adds an MR×NR tile into C
 * </pre>
 * The packed A block (512 KB) stays in the core's L2 cache and the packed B panel (4 MB) in L3. A
 * long kc matters more than strips that fit L1: the hardware prefetches the strips, which are read
 * in order, while every slice of k reads and writes all of C again, and every micro-kernel call adds
 * its tile into C, so fewer, longer slices of k touch C fewer times.
 * When C has fewer than 4 row blocks, each task is a whole MC×NC block of C and packs its own B, so
 * that wide products still run in parallel. Edge tiles are padded with zeros and computed into a
 * scratch tile. When C is too small to give every core a block but k is long,
 * k is cut into a fixed number of chunks summed in order afterwards; their partial products go to
 * scratch space kept by the calling thread, so that a weight gradient (small C, long k) allocates
 * nothing at each training step. Every cut depends on the sizes only, so the sums are added in the
 * same order whatever the number of threads.
 * <p>
 * C is addressed as c[off + i·rowStride + j·colStride]: (ldc, 1) for a row-major C, or (1, ldc) when
 * {@link Gemm} computes a narrow product as its transpose, Cᵀ = op(B)ᵀ·op(A)ᵀ, so that the few columns
 * of C fill the MR rows of a tile instead of wasting most of an NR-wide one.
 */
final class BlockedGemm {
    static final int MC = 128, NC = 1024, KC = 1024;
    /** Fewer C blocks than this and a long k: split k instead. Also the fewest row blocks that share a B panel. */
    private static final int MIN_BLOCKS = 4, K_CHUNK = 2048, MAX_K_CHUNKS = 16;
    /**
     * From this many columns in a block on, A is packed: its cost is shared by nc / NR strips of B,
     * and the micro-kernel reads a packed strip in order at constant strides. With fewer (a convolution's filters),
     * packing A would cost as much as the product.
     */
    private static final int PACK_A_FROM = 128;
    /** Columns of a shared B panel packed by one task (rounded up to whole strips of the kernel). */
    private static final int PACK_GROUP = 256;
    /** Rows of a transposed B packed together in a wide strip (a divisor of its NR). */
    private static final int TRANSPOSE_ROWS = 32;
    /** At most this many floats of partial sums (16 MB) when k is split. */
    private static final int MAX_PARTIAL = 1 << 22;

    /** The two operands, as given to Gemm: op(A) is m×k, op(B) is k×n. */
    record Operands(boolean transA, boolean transB, float alpha,
                    float[] a, int aOff, int lda, float[] b, int bOff, int ldb) {
        /** The operands of the transposed product: op(B)ᵀ and op(A)ᵀ. */
        Operands swapped() { return new Operands(!transB, !transA, alpha, b, bOff, ldb, a, aOff, lda); }

        /** Where op(A)[i, p] lies in a. */
        int at(int i, int p) { return transA ? aOff + p * lda + i : aOff + i * lda + p; }
    }

    /** Where C lives: element (i, j) at c[off + i·rowStride + j·colStride]. */
    record Out(float[] c, int off, int rowStride, int colStride) {
        static Out rowMajor(float[] c, int off, int ldc) { return new Out(c, off, ldc, 1); }

        int at(int i, int j) { return off + i * rowStride + j * colStride; }
    }

    private final int mr, nr, packGroup;
    private final ThreadLocal<Buffers> buffers;

    BlockedGemm(Supplier<MicroKernel> kernels) {
        MicroKernel k = kernels.get();
        this.mr = k.mr();
        this.nr = k.nr();
        this.packGroup = roundUp(PACK_GROUP, nr);
        this.buffers = ThreadLocal.withInitial(() -> new Buffers(kernels.get()));
    }

    /** Per-thread packing space and micro-kernel, reused by every call. */
    private static final class Buffers {
        final MicroKernel kernel;
        final float[] a, b, tile;
        /** The partial products of a split k, grown to the largest asked for (at most MAX_PARTIAL). */
        private float[] partial = new float[0];

        Buffers(MicroKernel k) {
            kernel = k;
            a = new float[roundUp(MC, k.mr()) * KC];
            b = new float[roundUp(NC, k.nr()) * KC];
            tile = new float[k.mr() * k.nr()];
        }

        /** Space for size floats; old numbers may remain, so every user overwrites what it reads. */
        float[] partial(int size) {
            if (partial.length < size) partial = new float[size];
            return partial;
        }
    }

    /**
     * True when C is better computed as Cᵀ: at most half a tile's width of columns, which would leave
     * most of each tile empty, and enough rows to fill two tiles' width once transposed.
     */
    boolean prefersTransposed(int m, int n) { return n <= nr / 2 && m >= 2 * nr; }

    void multiply(Operands ops, int m, int n, int k, float beta, Out out) {
        int mBlocks = ceilDiv(m, MC), nBlocks = ceilDiv(n, NC), blocks = mBlocks * nBlocks;
        int kChunks = blocks >= MIN_BLOCKS ? 1 : Math.min(MAX_K_CHUNKS, Math.max(1, k / K_CHUNK));
        kChunks = Math.min(kChunks, Math.max(1, MAX_PARTIAL / (m * n)));
        if (kChunks == 1 && mBlocks >= MIN_BLOCKS) {
            panels(ops, m, n, k, beta, out);
            return;
        }
        if (kChunks == 1) {
            Parallel.forEach(blocks, work(m, n, k), t -> block(ops, t / nBlocks * MC, t % nBlocks * NC, m, n, 0, k, beta, out));
            return;
        }
        // chunk q's m×n partial product at q·m·n; beta 0 makes each block overwrite its part
        int chunk = ceilDiv(k, kChunks), size = m * n, chunks = kChunks;
        float[] partial = buffers.get().partial(chunks * size);
        Parallel.forEach(chunks * blocks, work(m, n, k), t -> {
            int q = t / blocks, blk = t % blocks;
            int k0 = Math.min(k, q * chunk), k1 = Math.min(k, k0 + chunk);
            block(ops, blk / nBlocks * MC, blk % nBlocks * NC, m, n, k0, k1, 0f, Out.rowMajor(partial, q * size, n));
        });
        Parallel.forEach(m, (long) size * chunks, i -> sumRow(partial, chunks, size, i, n, beta, out));
    }

    private static void sumRow(float[] partial, int chunks, int size, int i, int n, float beta, Out out) {
        float[] c = out.c();
        for (int j = 0; j < n; j++) {
            int at = out.at(i, j);
            float s = beta == 0f ? 0f : beta * c[at];
            for (int q = 0; q < chunks; q++) s += partial[q * size + i * n + j];
            c[at] = s;
        }
    }

    /**
     * A tall C: each KC×NC panel of B is packed once, by all threads, into the calling thread's
     * buffer, and shared by every MC-row block of C (helpers only read it while the caller waits).
     */
    private void panels(Operands ops, int m, int n, int k, float beta, Out out) {
        float[] panel = buffers.get().b;
        int mBlocks = ceilDiv(m, MC);
        for (int j0 = 0; j0 < n; j0 += NC) {
            int jc = j0, nc = Math.min(NC, n - j0), groups = ceilDiv(nc, packGroup);
            for (int p0 = 0; p0 < k || p0 == 0; p0 += KC) {
                int pc = p0, kc = Math.min(KC, k - p0);
                Parallel.forEach(groups, (long) kc * nc, g -> packB(ops, pc, kc, jc + g * packGroup,
                        Math.min(packGroup, nc - g * packGroup), panel, g * packGroup * kc));
                Parallel.forEach(mBlocks, work(m, nc, kc), t -> {
                    int i0 = t * MC, mc = Math.min(MC, m - i0);
                    if (pc == 0 && beta != 0f && beta != 1f) scale(out, i0, jc, mc, nc, beta);
                    slice(buffers.get(), panel, ops, i0, mc, pc, kc, jc, nc, pc == 0 && beta == 0f, out);
                });
            }
        }
    }

    /** One task: the C block at (i0, j0), summing k from k0 to k1. */
    private void block(Operands ops, int i0, int j0, int m, int n, int k0, int k1, float beta, Out out) {
        int mc = Math.min(MC, m - i0), nc = Math.min(NC, n - j0);
        if (beta != 0f && beta != 1f) scale(out, i0, j0, mc, nc, beta);
        Buffers buf = buffers.get();
        for (int p0 = k0; p0 < k1 || p0 == k0; p0 += KC) {
            int kc = Math.min(KC, k1 - p0);
            packB(ops, p0, kc, j0, nc, buf.b, 0);
            slice(buf, buf.b, ops, i0, mc, p0, kc, j0, nc, p0 == k0 && beta == 0f, out);
        }
    }

    /** Adds (or writes) op(A)[i0.., p0..]·B panel into the mc×nc block of C at (i0, j0). */
    private void slice(Buffers buf, float[] panel, Operands ops, int i0, int mc, int p0, int kc, int j0, int nc,
                       boolean overwrite, Out out) {
        // A with alpha 1 and few columns of C is read where it lies: only a partial last strip needs packing
        boolean direct = ops.alpha() == 1f && nc < PACK_A_FROM;
        packA(ops, i0, mc, p0, kc, buf.a, direct ? mc - mc % mr : 0);
        tiles(buf, panel, ops, direct, kc, i0, mc, p0, j0, nc, overwrite, out);
    }

    private void tiles(Buffers buf, float[] panel, Operands ops, boolean direct, int kc, int i0, int mc, int p0, int j0, int nc,
                       boolean overwrite, Out out) {
        MicroKernel kernel = buf.kernel;
        for (int jr = 0; jr < nc; jr += nr) {
            for (int ir = 0; ir < mc; ir += mr) {
                boolean lies = direct && ir + mr <= mc;
                float[] a = lies ? ops.a() : buf.a;
                int ai = lies ? ops.at(i0 + ir, p0) : ir * kc;
                // row r of op(A) is lda apart in a row-major A, adjacent in a transposed one (the packed layout)
                int ars = !lies ? 1 : ops.transA() ? 1 : ops.lda(), acs = !lies ? mr : ops.transA() ? ops.lda() : 1;
                int rows = Math.min(mr, mc - ir), cols = Math.min(nr, nc - jr);
                if (rows == mr && cols == nr && out.colStride() == 1) {
                    kernel.multiply(kc, mr, nr, a, ai, ars, acs, panel, jr * kc, nr, out.c(), out.at(i0 + ir, j0 + jr), out.rowStride(), !overwrite);
                } else {
                    kernel.multiply(kc, rows, cols, a, ai, ars, acs, panel, jr * kc, nr, buf.tile, 0, nr, false);
                    copyTile(buf.tile, rows, cols, overwrite, out, i0 + ir, j0 + jr);
                }
            }
        }
    }

    /**
     * Adds (or copies) the valid rows×cols corner of a computed tile into C at (i, j). A transposed C
     * (row stride 1) gets column q of the tile at a time, which lies along one of its rows.
     */
    private void copyTile(float[] tile, int rows, int cols, boolean overwrite, Out out, int i, int j) {
        float[] c = out.c();
        if (out.colStride() != 1) {
            for (int q = 0; q < cols; q++) {
                int at = out.at(i, j + q);
                for (int r = 0; r < rows; r++) c[at + r] = (overwrite ? 0f : c[at + r]) + tile[r * nr + q];
            }
            return;
        }
        for (int r = 0; r < rows; r++) {
            int at = out.at(i + r, j);
            if (overwrite) {
                System.arraycopy(tile, r * nr, c, at, cols);
            } else {
                for (int q = 0; q < cols; q++) c[at + q] += tile[r * nr + q];
            }
        }
    }

    /**
     * op(A)[i0.., p0..] into MR-row strips: strip s holds, for each p, its MR numbers side by side.
     * Rows past the edge are zeros. Each branch reads A along its rows, where the numbers are adjacent.
     * Strips before fromRow are left out (they are read from A directly).
     */
    private void packA(Operands ops, int i0, int mc, int p0, int kc, float[] dst, int fromRow) {
        float[] a = ops.a();
        float alpha = ops.alpha();
        for (int s = fromRow; s < mc; s += mr) {
            int base = s * kc, rows = Math.min(mr, mc - s);
            if (ops.transA()) {
                for (int p = 0; p < kc; p++) {
                    int from = ops.aOff() + (p0 + p) * ops.lda() + i0 + s, to = base + p * mr;
                    for (int r = 0; r < rows; r++) dst[to + r] = alpha * a[from + r];
                    for (int r = rows; r < mr; r++) dst[to + r] = 0f;
                }
            } else {
                for (int r = 0; r < mr; r++) {
                    int from = ops.aOff() + (i0 + s + r) * ops.lda() + p0;
                    if (r < rows) {
                        for (int p = 0; p < kc; p++) dst[base + p * mr + r] = alpha * a[from + p];
                    } else {
                        for (int p = 0; p < kc; p++) dst[base + p * mr + r] = 0f;
                    }
                }
            }
        }
    }

    /**
     * op(B)[p0.., j0..] into NR-column strips: strip s holds, for each p, its NR numbers side by side.
     * A row-major B is read one whole row at a time, which the hardware prefetches well; reading it
     * strip by strip instead jumps a row length for every NR numbers.
     */
    private void packB(Operands ops, int p0, int kc, int j0, int nc, float[] dst, int dstOff) {
        float[] b = ops.b();
        if (!ops.transB()) {
            for (int p = 0; p < kc; p++) {
                int from = ops.bOff() + (p0 + p) * ops.ldb() + j0;
                for (int s = 0; s < nc; s += nr) {
                    int to = dstOff + s * kc + p * nr, cols = Math.min(nr, nc - s);
                    System.arraycopy(b, from + s, dst, to, cols);
                    for (int j = cols; j < nr; j++) dst[to + j] = 0f;
                }
            }
            return;
        }
        for (int s = 0; s < nc; s += nr) {
            int base = dstOff + s * kc, cols = Math.min(nr, nc - s), first = ops.bOff() + (j0 + s) * ops.ldb() + p0;
            if (nr <= TRANSPOSE_ROWS) {
                packTransposedByRow(b, first, ops.ldb(), kc, cols, dst, base);
            } else {
                packTransposedByGroup(b, first, ops.ldb(), kc, cols, dst, base);
            }
        }
    }

    /** A narrow strip of a transposed B: one row of B at a time, read along and written nr apart. */
    private void packTransposedByRow(float[] b, int first, int ldb, int kc, int cols, float[] dst, int base) {
        for (int j = 0; j < nr; j++) {
            int row = first + j * ldb;
            if (j < cols) {
                for (int p = 0; p < kc; p++) dst[base + p * nr + j] = b[row + p];
            } else {
                for (int p = 0; p < kc; p++) dst[base + p * nr + j] = 0f;
            }
        }
    }

    /**
     * A wide strip of a transposed B, where numbers nr apart lie on a new cache line every time:
     * TRANSPOSE_ROWS rows of B at a time, whose lines stay in L1 while p walks along them, and each
     * step of p writes their numbers side by side.
     */
    private void packTransposedByGroup(float[] b, int first, int ldb, int kc, int cols, float[] dst, int base) {
        for (int g = 0; g < nr; g += TRANSPOSE_ROWS) {
            int end = Math.min(g + TRANSPOSE_ROWS, cols);
            for (int p = 0; p < kc; p++) {
                int to = base + p * nr;
                for (int j = g; j < end; j++) dst[to + j] = b[first + j * ldb + p];
                for (int j = Math.max(g, end); j < g + TRANSPOSE_ROWS; j++) dst[to + j] = 0f;
            }
        }
    }

    private static void scale(Out out, int i0, int j0, int rows, int cols, float beta) {
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < cols; j++) out.c()[out.at(i0 + r, j0 + j)] *= beta;
        }
    }

    /** A product's size for {@link Parallel}: its multiply-adds, 16 of which take one SIMD instruction. */
    private static long work(int m, int n, int k) { return (long) m * n * k / 16; }

    static int ceilDiv(int a, int b) { return (a + b - 1) / b; }

    static int roundUp(int a, int b) { return ceilDiv(a, b) * b; }
}
