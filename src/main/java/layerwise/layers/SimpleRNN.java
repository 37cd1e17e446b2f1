package layerwise.layers;

import layerwise.explain.Expr;
import layerwise.ndarray.NDArray;

/**
 * The plainest recurrent layer: h_t = tanh(x_t·W + h_{t−1}·U + b).
 * params = u×(d + u + 1).
 * Input shape: (timesteps, d). Output shape: (u,), or (timesteps, u) with return_sequences.
 */
public final class SimpleRNN extends Recurrent<SimpleRNN> {
    public SimpleRNN(int units) {
        super(units);
    }

    @Override
    Expr paramCount(long d) { return Expr.var("u", units).times(perGate(d, 1)); }

    @Override
    String paramNote() {
        return "per unit: d weights for the input x_t, u weights for the previous state h_{t−1}" + (useBias ? ", and 1 bias" : "");
    }

    @Override int gates() { return 1; }

    /** h_t = f(z), z = x_t·W + h_{t−1}·U + b. */
    @Override
    NDArray[] step(Direction d, NDArray xw, NDArray[] state) {
        NDArray z = d.linear(xw, state[0]), h = activate(z);
        d.saved.add(new NDArray[] {z, h});
        return new NDArray[] {h};
    }

    @Override
    NDArray stepBackward(Direction d, int t, NDArray[] dState) {
        NDArray[] s = d.saved.get(t);
        NDArray dz = activateBackward(s[0], s[1], dState[0]);
        dState[0] = d.linearBackward(dz);
        return dz;
    }

    @Override
    String stateText() { return "a hidden state h"; }
}
