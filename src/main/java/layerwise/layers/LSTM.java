package layerwise.layers;

import java.util.Arrays;
import java.util.Map;

import layerwise.explain.Expr;
import layerwise.ndarray.NDArray;

/**
 * Long short-term memory: four gates decide what to forget, what to store and what to output, so
 * information can survive many steps. params = 4×u×(d + u + 1).
 * Input shape: (timesteps, d). Output shape: (u,), or (timesteps, u) with return_sequences.
 * <pre>Hochreiter and Schmidhuber, Long Short-Term Memory, Neural Computation 9(8), 1997.</pre>
 */
public final class LSTM extends Recurrent<LSTM> {
    private LstmMath math;

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
     * i, f, g, o; then c_t = f·c + i·g and h_t = o·tanh(c_t) (the numbers in {@link LstmMath#forward}).
     */
    @Override
    NDArray[] step(Direction d, NDArray xw, NDArray[] state) {
        NDArray gates = d.linear(xw, state[0]), zg = NDArray.zeros(state[1].dims());
        NDArray c = NDArray.zeros(zg.dims()), tc = NDArray.zeros(zg.dims()), h = NDArray.zeros(zg.dims());
        math().forward(gates.data(), zg.data(), state[1].data(), c.data(), tc.data(), h.data());
        d.saved.add(new NDArray[] {state[1], gates, zg, c, tc});
        return new NDArray[] {h, c};
    }

    /** The chain rule backwards through h_t = o·tanh(c_t) and c_t = f·c + i·g, then through z. */
    @Override
    NDArray stepBackward(Direction d, int t, NDArray[] dState) {
        NDArray[] s = d.saved.get(t);
        NDArray cPrev = s[0], dz = NDArray.zeros(s[1].dims()), dcPrev = NDArray.zeros(cPrev.dims());
        math().backward(s[1].data(), s[2].data(), cPrev.data(), s[3].data(), s[4].data(), dState[0].data(), dState[1].data(),
                dz.data(), dcPrev.data());
        dState[0] = d.linearBackward(dz);
        dState[1] = dcPrev;
        return dz;
    }

    private LstmMath math() {
        if (math == null) math = new LstmMath(units, activation);
        return math;
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
