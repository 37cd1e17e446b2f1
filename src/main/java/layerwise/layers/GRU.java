package layerwise.layers;

import java.util.Map;

import layerwise.explain.Expr;

/**
 * Gated recurrent unit: an update and a reset gate steer one hidden state; lighter than an LSTM.
 * params = 3×u×(d + u + 2) with reset_after (the TF 2 default), 3×u×(d + u + 1) without.
 * Input shape: (timesteps, d). Output shape: (u,), or (timesteps, u) with return_sequences.
 * <pre>Cho et al., Learning Phrase Representations using RNN Encoder-Decoder, EMNLP 2014.</pre>
 */
public final class GRU extends Recurrent<GRU> {
    private boolean resetAfter = true;

    public GRU(int units) {
        super(units);
    }

    /** True (TF 2 default, cuDNN-compatible): reset gate applied after the recurrent product, with a second bias. */
    public GRU resetAfter(boolean r) { checkNotBuilt(); resetAfter = r; return this; }

    public boolean resetAfter() { return resetAfter; }

    @Override
    Expr paramCount(long d) { return Expr.of(3).times(Expr.var("u", units)).times(perGate(d, resetAfter ? 2 : 1)); }

    @Override
    String paramNote() {
        String gates = "3 gates (update, reset, candidate), each with per unit d input weights and u recurrent weights";
        if (!useBias) return gates;
        return gates + (resetAfter ? ", and 2 biases: reset_after=True keeps one for the input part and one for the recurrent part"
                                   : ", and 1 bias");
    }

    @Override
    String stateText() { return "a hidden state h"; }

    @Override
    protected void addConfig(Map<String, Object> c) {
        super.addConfig(c);
        c.put("reset_after", resetAfter);
    }
}
