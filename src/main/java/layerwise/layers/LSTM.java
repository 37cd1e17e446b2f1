package layerwise.layers;

import java.util.Map;

import layerwise.explain.Expr;

/**
 * Long short-term memory: four gates decide what to forget, what to store and what to output, so
 * information can survive many steps. params = 4×u×(d + u + 1).
 * Input shape: (timesteps, d). Output shape: (u,), or (timesteps, u) with return_sequences.
 * <pre>Hochreiter and Schmidhuber, Long Short-Term Memory, Neural Computation 9(8), 1997.</pre>
 */
public final class LSTM extends Recurrent<LSTM> {
    public LSTM(int units) {
        super(units);
    }

    @Override
    Expr paramCount(long d) { return Expr.of(4).times(Expr.var("u", units)).times(perGate(d, 1)); }

    @Override
    String paramNote() {
        return "4 gates (input, forget, cell candidate, output), each like a SimpleRNN: per unit d input weights, u recurrent weights"
                + (useBias ? ", 1 bias" : "");
    }

    @Override
    protected void addConfig(Map<String, Object> c) {
        super.addConfig(c);
        c.put("unit_forget_bias", true);
    }

    @Override
    String stateText() { return "a hidden state h and a cell state c, each"; }
}
