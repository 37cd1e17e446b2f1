package layerwise.layers;

import layerwise.ndarray.NDArray;

/**
 * The numbers of batch normalization on a (rows, C) matrix, one column per feature:
 * <pre>
 *   x̂ = (x − μ)/σ,  σ = √(var + ε)       (μ, var over the rows: the batch and every other axis)
 *   dx = (m·dx̂ − Σ dx̂ − x̂·Σ(dx̂·x̂)) / (m·σ)    in training, where μ and var depend on x
 *   dx = dx̂ / σ                                at inference, with the moving μ and var fixed
 * </pre>
 * <pre>Ioffe and Szegedy, Batch Normalization, ICML 2015.</pre>
 */
final class BatchNormMath {
    private final NDArray mean, variance, sigma, normalized;
    private final boolean batchStatistics;
    private final int m;

    /** With {@code mean} and {@code variance} null, uses the batch's own statistics (training). */
    BatchNormMath(NDArray rows, NDArray mean, NDArray variance, float epsilon) {
        this.batchStatistics = mean == null;
        this.m = rows.dim(0);
        this.mean = batchStatistics ? rows.mean(0) : mean;
        this.variance = batchStatistics ? rows.sub(this.mean).square().mean(0) : variance;
        this.sigma = this.variance.add(epsilon).sqrt();
        this.normalized = rows.sub(this.mean).div(sigma);
    }

    NDArray mean() { return mean; }
    NDArray normalized() { return normalized; }

    /** var·m/(m − 1): the moving variance estimates the population's, as tf.keras's fused kernel and PyTorch do. */
    NDArray unbiasedVariance() { return m > 1 ? variance.mul(m / (float) (m - 1)) : variance; }

    /** dLoss/dx given dLoss/dx̂. */
    NDArray backward(NDArray gradNormalized) {
        if (!batchStatistics) return gradNormalized.div(sigma);
        NDArray sum = gradNormalized.sum(0), dot = gradNormalized.mul(normalized).sum(0);
        return gradNormalized.mul((float) m).sub(sum).sub(normalized.mul(dot)).div(sigma.mul((float) m));
    }

    /** The batch as (rows, C) with the feature axis last (a copy only when that axis is not already last). */
    static NDArray toRows(NDArray x, int axis) {
        int[] order = moveToEnd(x.rank(), axis);
        NDArray moved = axis == x.rank() - 1 ? x : x.permute(order).contiguous();
        return moved.reshape(-1, x.dim(axis));
    }

    /** The inverse of toRows, back to the batch's own shape {@code dims}. */
    static NDArray fromRows(NDArray rows, int[] dims, int axis) {
        if (axis == dims.length - 1) return rows.reshape(dims);
        int[] order = moveToEnd(dims.length, axis), movedDims = new int[dims.length], back = new int[dims.length];
        for (int i = 0; i < dims.length; i++) movedDims[i] = dims[order[i]];
        for (int i = 0; i < dims.length; i++) back[order[i]] = i;
        return rows.reshape(movedDims).permute(back).contiguous();
    }

    private static int[] moveToEnd(int rank, int axis) {
        int[] order = new int[rank];
        for (int i = 0, k = 0; i < rank; i++) if (i != axis) order[k++] = i;
        order[rank - 1] = axis;
        return order;
    }
}
