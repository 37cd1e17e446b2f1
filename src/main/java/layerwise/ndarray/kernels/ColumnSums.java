package layerwise.ndarray.kernels;

import java.util.Arrays;

/**
 * Sums each column of a rows×cols matrix, as a bias gradient needs (db = Σ_rows dz). The rows are cut
 * into fixed blocks summed on the cores; the block sums are then added in block order, so the result
 * does not depend on the number of threads.
 */
public final class ColumnSums {
    private static final int ROWS_PER_BLOCK = 4096;

    private ColumnSums() {}

    public static void sum(float[] x, int rows, int cols, float[] out) {
        int blocks = (rows + ROWS_PER_BLOCK - 1) / ROWS_PER_BLOCK;
        float[][] partial = new float[Math.max(blocks, 1)][cols];
        Parallel.forEach(blocks, (long) rows * cols, b -> {
            float[] s = partial[b];
            for (int r = b * ROWS_PER_BLOCK, end = Math.min(rows, r + ROWS_PER_BLOCK); r < end; r++) {
                for (int j = 0; j < cols; j++) s[j] += x[r * cols + j];
            }
        });
        Arrays.fill(out, 0, cols, 0f);
        for (float[] s : partial) {
            for (int j = 0; j < cols; j++) out[j] += s[j];
        }
    }
}
