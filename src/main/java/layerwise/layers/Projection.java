package layerwise.layers;

import java.util.Random;

import layerwise.ndarray.NDArray;

/**
 * One of MultiHeadAttention's four projections: a Dense layer whose kernel Keras stores with the heads
 * as an axis of their own, (d_in, heads, size) for query, key and value, (heads, size, d_out) for the
 * output, and its bias as (heads, size), or (d_out) for the output. On numbers it is one matrix product
 * over the flattened rows: y = x·W + b.
 */
final class Projection {
    private final Param kernel, bias;
    private final int dIn, dOut;
    private NDArray savedX;

    /** Keras's glorot_uniform on an einsum kernel: fans counted as for a convolution, the leading axes as the "window". */
    Projection(String name, int[] kernelDims, int dIn, int dOut, int[] biasDims, boolean useBias, Random rng) {
        this.dIn = dIn;
        this.dOut = dOut;
        int window = 1;
        for (int i = 0; i < kernelDims.length - 2; i++) window *= kernelDims[i];
        int fanIn = kernelDims[kernelDims.length - 2] * window, fanOut = kernelDims[kernelDims.length - 1] * window;
        kernel = Param.of(name + "/kernel", Initializers.create("glorot_uniform", rng, fanIn, fanOut, kernelDims));
        bias = useBias ? Param.of(name + "/bias", NDArray.zeros(biasDims)) : null;
    }

    Param kernel() { return kernel; }

    Param bias() { return bias; }

    /** (rows, d_in) → (rows, d_out). */
    NDArray forward(NDArray x) {
        savedX = x;
        NDArray y = x.matmul(kernel.value().reshape(dIn, dOut));
        return bias == null ? y : y.addInPlace(bias.value().reshape(dOut), 1f);
    }

    /** dW = xᵀ·dy, db = Σ_rows dy, dx = dy·Wᵀ. */
    NDArray backward(NDArray gradY) {
        savedX.transpose().matmulInto(gradY, kernel.grad().reshape(dIn, dOut), 0f);
        if (bias != null) gradY.sumRowsInto(bias.grad().reshape(dOut), 0f);
        return gradY.matmul(kernel.value().reshape(dIn, dOut).transpose());
    }

    /** A param's gradient is an array the optimizer holds on to: fill it rather than replace it. */
    static void overwrite(Param p, NDArray grad) {
        System.arraycopy(grad.data(), 0, p.grad().data(), 0, p.grad().size());
    }
}
