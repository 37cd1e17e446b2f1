package layerwise.model;

import java.util.List;

import layerwise.ndarray.NDArray;

/** Joins batches along axis 0, as np.concatenate(parts). */
final class Batches {
    private Batches() {}

    static NDArray concat(List<NDArray> parts) {
        int[] dims = parts.get(0).dims();
        int rows = 0;
        for (NDArray p : parts) rows += p.dim(0);
        dims[0] = rows;
        int size = 1;
        for (int d : dims) size = Math.multiplyExact(size, d);
        float[] out = new float[size];
        int pos = 0;
        for (NDArray p : parts) {
            float[] d = p.data();
            System.arraycopy(d, 0, out, pos, p.size());
            pos += p.size();
        }
        return NDArray.wrap(out, dims);
    }
}
