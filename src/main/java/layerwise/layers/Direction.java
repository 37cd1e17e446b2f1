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
 *   forward:   state_t = cell(x_t, state_{t−1}),  t = 1 … T
 *   backward:  t = T … 1: dx_t, dstate_{t−1} = cell′(dstate_t + dLoss/dh_t)   (gradients of W, U, b add up over t)
 * </pre>
 */
final class Direction {
    final Param kernel, recurrentKernel, bias;
    /** What each step saved, in order, for the cell's backward. */
    final List<NDArray[]> saved = new ArrayList<>();
    private final Recurrent<?> cell;
    private final boolean reversed;
    private int steps;

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
        NDArray seq = reversed ? Joins.reverse(x, 1) : x.contiguous();
        int n = seq.dim(0), d = seq.dim(2);
        steps = seq.dim(1);
        saved.clear();
        NDArray[] state = cell.initialState(n);
        List<NDArray> outputs = new ArrayList<>();
        for (int t = 0; t < steps; t++) {
            state = cell.step(this, seq.slice(1, t, t + 1).reshape(n, d), state);
            outputs.add(state[0].reshape(n, 1, cell.units));
        }
        return cell.returnSequences ? Joins.concat(1, outputs) : state[0];
    }

    /** Backpropagation through time; returns dLoss/dx (batch, T, d). */
    NDArray backward(NDArray gradOut) {
        for (Param p : params()) Arrays.fill(p.grad().data(), 0f);
        int n = gradOut.dim(0);
        NDArray[] dState = cell.initialState(n);
        NDArray[] dx = new NDArray[steps];
        for (int t = steps - 1; t >= 0; t--) {
            NDArray dh = cell.returnSequences ? gradOut.slice(1, t, t + 1).reshape(n, cell.units) : t == steps - 1 ? gradOut : null;
            if (dh != null) dState[0] = dState[0].add(dh);
            NDArray dxt = cell.stepBackward(this, t, dState);
            dx[t] = dxt.reshape(n, 1, dxt.dim(1));
        }
        NDArray all = Joins.concat(1, List.of(dx));
        return reversed ? Joins.reverse(all, 1) : all;
    }

    /**
     * z = x·W + h·U + b for one step; its backward adds to the gradients of W, U, b and returns
     * {dLoss/dx, dLoss/dh}.
     */
    NDArray linear(NDArray x, NDArray h) {
        NDArray z = x.matmul(kernel.value()).add(h.matmul(recurrentKernel.value()));
        return bias == null ? z : z.add(bias.value());
    }

    NDArray[] linearBackward(NDArray x, NDArray h, NDArray dz) {
        addTransposedProduct(kernel, 0, x, dz);
        addTransposedProduct(recurrentKernel, 0, h, dz);
        if (bias != null) addColumnSums(bias, 0, dz);
        return new NDArray[] {dz.matmul(kernel.value().transpose()), dz.matmul(recurrentKernel.value().transpose())};
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
