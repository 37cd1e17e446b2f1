package layerwise.layers;

import java.util.Random;

import layerwise.ndarray.NDArray;
import layerwise.ndarray.VectorMath;

/**
 * The heart of attention, on arrays with the heads as their own axis, (batch, heads, T, size):
 * <pre>
 *   scores = (q / √key_dim)·kᵀ            (batch, heads, T_q, T_k)
 *   A      = softmax(scores + mask)       along T_k: how much each query step reads each key step
 *   out    = A·v                          (batch, heads, T_q, value_dim)
 * </pre>
 * The mask adds −10⁹ where a query may not look (Keras's large negative number), so those weights are 0.
 * Each head's q, k and v are copied into one block first, (batch·heads, T, size), so that every product
 * above is one batched call over all heads of all samples.
 * <pre>Vaswani et al., Attention Is All You Need, NeurIPS 2017.</pre>
 */
final class ScaledDotProduct {
    private final float scale;
    private NDArray savedQ, savedK, savedV, savedA, savedDropped, savedKeep;

    ScaledDotProduct(int keyDim) { this.scale = (float) (1 / Math.sqrt(keyDim)); }

    /** {@code adder} is 0 where attending is allowed and −10⁹ elsewhere, broadcast over batch and heads; may be null. */
    NDArray forward(NDArray q, NDArray k, NDArray v, NDArray adder, float dropout, Random rng) {
        int batch = q.dim(0), heads = q.dim(1), tq = q.dim(2), tk = k.dim(2);
        savedQ = headMajor(q);
        savedK = headMajor(k);
        savedV = headMajor(v);
        NDArray scores = savedQ.matmul(savedK.permute(0, 2, 1));
        // scale·(q·kᵀ + adder/scale) = scale·q·kᵀ + adder: the softmax below applies the scale
        if (adder != null) scores.reshape(batch, heads, tq, tk).addInPlace(adder, 1 / scale);
        savedA = softmax(scores, scale).reshape(batch, heads, tq, tk);
        savedKeep = dropout > 0 ? keepMask(savedA.dims(), dropout, rng) : null;
        savedDropped = (savedKeep == null ? savedA : savedA.mul(savedKeep)).reshape(batch * heads, tq, tk);
        return savedDropped.matmul(savedV).reshape(batch, heads, tq, -1);
    }

    /** The attention weights A of the last forward, (batch, heads, T_q, T_k). */
    NDArray weights() { return savedA; }

    /** dL/dq, dL/dk, dL/dv from dL/dout, each (batch, heads, T, size). */
    NDArray[] backward(NDArray gradOut) {
        int batch = gradOut.dim(0), heads = gradOut.dim(1);
        NDArray g = headMajor(gradOut);
        NDArray dv = savedDropped.permute(0, 2, 1).matmul(g);
        NDArray dA = g.matmul(savedV.permute(0, 2, 1));
        if (savedKeep != null) dA = dA.mul(savedKeep.reshape(dA.dims()));
        NDArray dScores = softmaxBackward(savedA.reshape(dA.dims()), dA, scale);
        NDArray dq = dScores.matmul(savedK), dk = dScores.permute(0, 2, 1).matmul(savedQ);
        return new NDArray[] {dq.reshape(batch, heads, dq.dim(1), -1), dk.reshape(batch, heads, dk.dim(1), -1), dv.reshape(batch, heads, dv.dim(1), -1)};
    }

    /** (batch, heads, T, size), usually a view across the heads, as a compact (batch·heads, T, size): one block per head. */
    private static NDArray headMajor(NDArray x) { return x.contiguous().reshape(x.dim(0) * x.dim(1), x.dim(2), x.dim(3)); }

    /** softmax(scale·z) along the last axis, with the max subtracted first so no exponential overflows. */
    private static NDArray softmax(NDArray z, float scale) {
        int n = z.dim(-1);
        float[] in = z.data(), out = new float[in.length];
        for (int row = 0; row < in.length; row += n) {
            float max = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < n; j++) max = Math.max(max, out[row + j] = scale * in[row + j]);
            float inv = 1 / VectorMath.expShifted(out, row, row + n, max);
            for (int j = 0; j < n; j++) out[row + j] *= inv;
        }
        return NDArray.wrap(out, z.dims());
    }

    /** The gradient of z from that of y = softmax(scale·z): scale·y_i·(g_i − Σ_j g_j·y_j). */
    private static NDArray softmaxBackward(NDArray y, NDArray gradY, float scale) {
        int n = y.dim(-1);
        float[] yy = y.data(), g = gradY.data(), out = new float[yy.length];
        for (int row = 0; row < yy.length; row += n) {
            double dot = 0;
            for (int j = 0; j < n; j++) dot += g[row + j] * yy[row + j];
            for (int j = 0; j < n; j++) out[row + j] = (float) (scale * yy[row + j] * (g[row + j] - dot));
        }
        return NDArray.wrap(out, y.dims());
    }

    /** Inverted dropout on the weights: a kept weight is scaled by 1/(1 − rate), so the expected sum stays 1. */
    private static NDArray keepMask(int[] dims, float rate, Random rng) {
        return NDArray.random(rng, dims).map(u -> u < rate ? 0f : 1f / (1 - rate));
    }
}
