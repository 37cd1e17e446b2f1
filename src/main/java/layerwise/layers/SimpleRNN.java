package layerwise.layers;

import layerwise.explain.Expr;

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

    @Override
    String stateText() { return "a hidden state h"; }
}
