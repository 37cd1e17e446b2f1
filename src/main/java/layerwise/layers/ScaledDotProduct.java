package layerwise.layers;

import java.util.Random;

import layerwise.ndarray.NDArray;

/**
 * The heart of attention, on arrays with the heads as their own axis, (batch, heads, T, size):
 * <pre>
 *   scores = (q / √key_dim)·kᵀ            (batch, heads, T_q, T_k)
 *   A      = softmax(scores + mask)       along T_k: how much each query step reads each key step
 *   out    = A·v                          (batch, heads, T_q, value_dim)
 * </pre>
 * The mask adds −10⁹ where a query may not look (Keras's large negative number), so those weights are 0.
 * <pre>Vaswani et al., Attention Is All You Need, NeurIPS 2017.</pre>
 */
final class ScaledDotProduct {
    private final float scale;
    private NDArray savedQ, savedK, savedV, savedA, savedDropped, savedKeep;

    ScaledDotProduct(int keyDim) { this.scale = (float) (1 / Math.sqrt(keyDim)); }

    /** {@code adder} is 0 where attending is allowed and −10⁹ elsewhere, broadcast over batch and heads; may be null. */
    NDArray forward(NDArray q, NDArray k, NDArray v, NDArray adder, float dropout, Random rng) {
        savedQ = q.mul(scale);
        savedK = k;
        savedV = v;
        NDArray scores = savedQ.matmul(k.permute(0, 1, 3, 2));
        if (adder != null) scores = scores.addInPlace(adder, 1f);
        savedA = ActivationFunctions.softmax(scores);
        savedKeep = dropout > 0 ? keepMask(savedA.dims(), dropout, rng) : null;
        savedDropped = savedKeep == null ? savedA : savedA.mul(savedKeep);
        return savedDropped.matmul(v);
    }

    /** The attention weights A of the last forward, (batch, heads, T_q, T_k). */
    NDArray weights() { return savedA; }

    /** dL/dq, dL/dk, dL/dv from dL/dout, each (batch, heads, T, size). */
    NDArray[] backward(NDArray gradOut) {
        NDArray dv = savedDropped.permute(0, 1, 3, 2).matmul(gradOut);
        NDArray dA = gradOut.matmul(savedV.permute(0, 1, 3, 2));
        if (savedKeep != null) dA = dA.mul(savedKeep);
        NDArray dScores = ActivationFunctions.softmaxBackward(savedA, dA);
        NDArray dq = dScores.matmul(savedK).mul(scale);
        NDArray dk = dScores.permute(0, 1, 3, 2).matmul(savedQ);
        return new NDArray[] {dq, dk, dv};
    }

    /** Inverted dropout on the weights: a kept weight is scaled by 1/(1 − rate), so the expected sum stays 1. */
    private static NDArray keepMask(int[] dims, float rate, Random rng) {
        return NDArray.random(rng, dims).map(u -> u < rate ? 0f : 1f / (1 - rate));
    }
}
