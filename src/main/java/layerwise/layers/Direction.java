package layerwise.layers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import layerwise.ndarray.Joins;
import layerwise.ndarray.NDArray;

/**
 * One pass of a recurrent layer through the steps: its weights (kernel W, recurrent kernel U, bias b),
 * the loop over time, and what each step saved for backpropagation through time. A plain RNN layer has
 * one Direction; Bidirectional has two, with separate weights.
 * <pre>
 *   forward:   xw = X·W + b for all steps at once; then state_t = cell(xw_t, state_{t−1}),  t = 1 … T
 *   backward:  t = T … 1: dxw_t, dstate_{t−1} = cell′(dstate_t + dLoss/dh_t);
 *              then dW = Xᵀ·dXW, db = Σ dXW, dX = dXW·Wᵀ and (LSTM, SimpleRNN) dU = H_prevᵀ·dXW for all steps at once
 * </pre>
 * x_t·W does not depend on the state, so all steps share one large matrix product instead of T small
 * ones; only h·U must wait for the step before. The inputs, the projection and its gradient are kept
 * time-major, (T·batch, ·), so that step t is the batch's adjacent rows t·batch … (t + 1)·batch − 1;
 * the projection, its gradient and the stacked states are scratch arrays of this Direction, reused from
 * batch to batch while the shapes stay the same (nothing returned to the caller is scratch).
 */
final class Direction {
    final Param kernel, recurrentKernel, bias;
    /** What each step saved, in order, for the cell's backward. */
    final List<NDArray[]> saved = new ArrayList<>();
    private final Recurrent<?> cell;
    private final boolean reversed;
    private int steps, batch;
    /** Time-major: the inputs X; scratch: h_{t−1} of every step, X·W + b, and the gradient of X·W + b. */
    private NDArray inputs, previous, projected, dProjected;

    Direction(Recurrent<?> cell, int features, boolean reversed, Random rng) {
        this.cell = cell;
        this.reversed = reversed;
        int gates = cell.gates() * cell.units;
        kernel = Param.of("kernel", Initializers.create("glorot_uniform", rng, features, gates, features, gates));
        recurrentKernel = Param.of("recurrent_kernel", orthogonal(rng, cell.units, gates));
        bias = cell.useBias ? Param.of("bias", cell.initialBias()) : null;
    }

    List<Param> params() { return bias == null ? List.of(kernel, recurrentKernel) : List.of(kernel, recurrentKernel, bias); }

    /** Runs the cell over the steps of x (batch, T, d); returns the last h, or every h as (batch, T, u). */
    NDArray forward(NDArray x) {
        NDArray seq = reversed ? Joins.reverse(x, 1) : x;
        batch = seq.dim(0);
        steps = seq.dim(1);
        int d = seq.dim(2), u = cell.units, rows = steps * batch;
        saved.clear();
        // 1. the input part of every step in one product: xw = X·W + b, (T·batch, gates·u)
        inputs = seq.permute(1, 0, 2).contiguous().reshape(rows, d);
        projected = reuse(projected, rows, kernel.value().dim(1));
        inputs.matmulInto(kernel.value(), projected, 0f);
        if (bias != null) projected.addInPlace(cell.inputBias(bias.value()), 1f);
        // 2. the steps, one after another: each needs the state the one before left
        previous = reuse(previous, rows, u);
        NDArray[] state = cell.initialState(batch);
        NDArray sequence = cell.returnSequences ? NDArray.zeros(batch, steps, u) : null;
        for (int t = 0; t < steps; t++) {
            System.arraycopy(state[0].data(), 0, previous.data(), t * batch * u, batch * u);
            state = cell.step(this, rows(projected, t), state);
            if (sequence != null) copyStep(state[0], sequence, t);
        }
        return sequence != null ? sequence : state[0];
    }

    /** Backpropagation through time; returns dLoss/dx (batch, T, d). */
    NDArray backward(NDArray gradOut) {
        for (Param p : params()) Arrays.fill(p.grad().data(), 0f);
        int g = projected.dim(1), d = inputs.dim(1);
        dProjected = reuse(dProjected, steps * batch, g);
        NDArray[] dState = cell.initialState(batch);
        for (int t = steps - 1; t >= 0; t--) {
            NDArray dh = cell.returnSequences ? gradOut.slice(1, t, t + 1).reshape(batch, cell.units) : t == steps - 1 ? gradOut : null;
            if (dh != null) dState[0] = dState[0].add(dh);
            NDArray dxw = cell.stepBackward(this, t, dState);
            System.arraycopy(dxw.data(), 0, dProjected.data(), t * batch * g, batch * g);
        }
        // the weights served every step: their gradients add up over the steps, one product each
        inputs.transpose().matmulInto(dProjected, kernel.grad(), 1f);
        if (bias != null) dProjected.sumRowsInto(bias.grad().reshape(-1).slice(0, 0, g), 1f);
        cell.addRecurrentGradient(previous, dProjected, recurrentKernel);
        NDArray dx = dProjected.matmul(kernel.value().transpose()).reshape(steps, batch, d).permute(1, 0, 2).contiguous();
        return reversed ? Joins.reverse(dx, 1) : dx;
    }

    /** z = xw + h·U for one step (xw = x_t·W + b, from the product over all steps). */
    NDArray linear(NDArray xw, NDArray h) {
        return h.matmulInto(recurrentKernel.value(), xw.copy(), 1f);
    }

    /** dLoss/dh_{t−1} = dz·Uᵀ, the part of a step's gradient that flows to the step before. */
    NDArray linearBackward(NDArray dz) {
        return dz.matmul(recurrentKernel.value().transpose());
    }

    /** Step t's rows of a time-major (T·batch, ·) array, a view. */
    private NDArray rows(NDArray timeMajor, int t) { return timeMajor.slice(0, t * batch, (t + 1) * batch); }

    /** h_t (batch, u) into step t of a (batch, T, u) sequence. */
    private void copyStep(NDArray h, NDArray sequence, int t) {
        int u = h.dim(1);
        float[] src = h.data(), dst = sequence.data();
        for (int n = 0; n < batch; n++) System.arraycopy(src, n * u, dst, (n * steps + t) * u, u);
    }

    /** The scratch array kept from the last batch when it has these dims, else a new one. */
    private static NDArray reuse(NDArray kept, int rows, int cols) {
        return kept != null && kept.dim(0) == rows && kept.dim(1) == cols ? kept : NDArray.zeros(rows, cols);
    }

    /**
     * p.grad[:, col … col + b's columns) += aᵀ·b, for a (batch, rows) and b (batch, cols), added (beta 1)
     * straight into the gradient, which sums over the steps: a step makes no weight-sized array.
     */
    static void addTransposedProduct(Param p, int col, NDArray a, NDArray b) {
        a.transpose().matmulInto(b, p.grad().slice(1, col, col + b.dim(1)), 1f);
    }

    /** p.grad[from … from + dz's columns) += Σ_batch dz, the bias gradient of one step added in place. */
    static void addColumnSums(Param p, int from, NDArray dz) {
        dz.sumRowsInto(p.grad().reshape(-1).slice(0, from, from + dz.dim(1)), 1f);
    }

    /** Keras's default for the recurrent kernel: rows that are orthonormal, so repeated steps neither blow up nor fade at the start. */
    private static NDArray orthogonal(Random rng, int rows, int cols) {
        float[][] q = new float[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) q[r][c] = (float) rng.nextGaussian();
            // Gram–Schmidt: remove the parts along the earlier rows, then scale to length 1
            for (int k = 0; k < r; k++) {
                double dot = 0;
                for (int c = 0; c < cols; c++) dot += q[r][c] * q[k][c];
                for (int c = 0; c < cols; c++) q[r][c] -= (float) (dot * q[k][c]);
            }
            double norm = 0;
            for (int c = 0; c < cols; c++) norm += q[r][c] * q[r][c];
            for (int c = 0; c < cols; c++) q[r][c] /= (float) Math.sqrt(norm);
        }
        return NDArray.of(q);
    }
}
