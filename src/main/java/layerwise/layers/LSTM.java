package layerwise.layers;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import layerwise.explain.Expr;
import layerwise.ndarray.Joins;
import layerwise.ndarray.NDArray;

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

    @Override int gates() { return 4; }

    /** h and c. */
    @Override
    NDArray[] initialState(int n) { return new NDArray[] {NDArray.zeros(n, units), NDArray.zeros(n, units)}; }

    /** Keras's unit_forget_bias: the forget gate starts at bias 1, so at first the cell keeps what it holds. */
    @Override
    NDArray initialBias() {
        float[] b = new float[4 * units];
        Arrays.fill(b, units, 2 * units, 1f);
        return NDArray.wrap(b, 4 * units);
    }

    /**
     * i, f, o = σ(z_i), σ(z_f), σ(z_o); g = tanh(z_g), with z = x_t·W + h·U + b split in Keras's order
     * i, f, g, o; then c_t = f·c + i·g and h_t = o·tanh(c_t).
     */
    @Override
    NDArray[] step(Direction d, NDArray x, NDArray[] state) {
        NDArray z = d.linear(x, state[0]);
        NDArray i = sigmoid(gate(z, 0)), f = sigmoid(gate(z, 1)), zg = gate(z, 2), g = activate(zg), o = sigmoid(gate(z, 3));
        NDArray c = f.mul(state[1]).add(i.mul(g)), tc = activate(c), h = o.mul(tc);
        d.saved.add(new NDArray[] {x, state[0], state[1], i, f, zg, g, o, c, tc});
        return new NDArray[] {h, c};
    }

    /** The chain rule backwards through h_t = o·tanh(c_t) and c_t = f·c + i·g, then through z. */
    @Override
    NDArray stepBackward(Direction d, int t, NDArray[] dState) {
        NDArray[] s = d.saved.get(t);
        NDArray x = s[0], hPrev = s[1], cPrev = s[2], i = s[3], f = s[4], zg = s[5], g = s[6], o = s[7], c = s[8], tc = s[9];
        NDArray dh = dState[0];
        NDArray dc = dState[1].add(activateBackward(c, tc, dh.mul(o)));
        NDArray dz = Joins.concat(1, List.of(sigmoidBackward(i, dc.mul(g)), sigmoidBackward(f, dc.mul(cPrev)),
                activateBackward(zg, g, dc.mul(i)), sigmoidBackward(o, dh.mul(tc))));
        NDArray[] dxdh = d.linearBackward(x, hPrev, dz);
        dState[0] = dxdh[1];
        dState[1] = dc.mul(f);
        return dxdh[0];
    }

    @Override
    protected void addConfig(Map<String, Object> c) {
        super.addConfig(c);
        c.put("recurrent_activation", "sigmoid");
        c.put("unit_forget_bias", true);
    }

    @Override
    String stateText() { return "a hidden state h and a cell state c, each"; }
}
