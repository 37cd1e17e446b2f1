package layerwise.layers;

import java.util.List;
import java.util.Map;

import layerwise.explain.Expr;
import layerwise.ndarray.Joins;
import layerwise.ndarray.NDArray;

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

    @Override int gates() { return 3; }

    /** reset_after keeps two rows of biases: row 0 for x·W, row 1 for h·U. */
    @Override
    NDArray initialBias() { return resetAfter ? NDArray.zeros(2, 3 * units) : NDArray.zeros(3 * units); }

    /**
     * Keras's order z (update), r (reset), h̃ (candidate): z, r = σ(x·W + h·U + b) per gate;
     * h̃ = tanh(x·W_h + r·(h·U_h)) with reset_after, tanh(x·W_h + (r·h)·U_h) without; h_t = z·h + (1 − z)·h̃.
     */
    @Override
    NDArray[] step(Direction d, NDArray xw, NDArray[] state) {
        NDArray h = state[0], u = d.recurrentKernel.value();
        NDArray hu = resetAfter ? h.matmul(u) : h.matmul(u.slice(1, 0, 2 * units));
        if (resetAfter && d.bias != null) hu = hu.add(d.bias.value().slice(0, 1, 2).reshape(-1));
        NDArray z = sigmoid(gate(xw, 0).add(gate(hu, 0))), r = sigmoid(gate(xw, 1).add(gate(hu, 1)));
        NDArray recurrent = resetAfter ? gate(hu, 2) : r.mul(h);
        NDArray a = resetAfter ? gate(xw, 2).add(r.mul(recurrent)) : gate(xw, 2).add(recurrent.matmul(gateWeights(u, 2)));
        NDArray candidate = activate(a), next = z.mul(h).add(z.neg().add(1f).mul(candidate));
        d.saved.add(new NDArray[] {h, z, r, recurrent, a, candidate});
        return new NDArray[] {next};
    }

    @Override
    NDArray stepBackward(Direction d, int t, NDArray[] dState) {
        NDArray[] s = d.saved.get(t);
        NDArray h = s[0], z = s[1], r = s[2], recurrent = s[3], a = s[4], candidate = s[5], dNext = dState[0];
        NDArray u = d.recurrentKernel.value();
        NDArray dz = sigmoidBackward(z, dNext.mul(h.sub(candidate)));
        NDArray da = activateBackward(a, candidate, dNext.mul(z.neg().add(1f)));
        // reset_after: r multiplies h·U_h; otherwise r·h is what U_h multiplies
        NDArray dRecurrent = resetAfter ? da.mul(r) : da.matmul(gateWeights(u, 2).transpose());
        NDArray dr = sigmoidBackward(r, resetAfter ? da.mul(recurrent) : dRecurrent.mul(h));
        NDArray dxw = Joins.concat(1, List.of(dz, dr, da));
        // U's gradients are added in place, gate by gate where needed, summing over the steps
        NDArray dh = dNext.mul(z);
        if (resetAfter) {
            NDArray dhu = Joins.concat(1, List.of(dz, dr, dRecurrent));
            Direction.addTransposedProduct(d.recurrentKernel, 0, h, dhu);
            // the recurrent bias is the second row of the (2, 3u) bias
            if (d.bias != null) Direction.addColumnSums(d.bias, 3 * units, dhu);
            dh = dh.add(dhu.matmul(u.transpose()));
        } else {
            Direction.addTransposedProduct(d.recurrentKernel, 0, h, dz);
            Direction.addTransposedProduct(d.recurrentKernel, units, h, dr);
            Direction.addTransposedProduct(d.recurrentKernel, 2 * units, recurrent, da);
            dh = dh.add(dz.matmul(gateWeights(u, 0).transpose())).add(dr.matmul(gateWeights(u, 1).transpose())).add(dRecurrent.mul(r));
        }
        dState[0] = dh;
        return dxw;
    }

    /** With reset_after, row 0 of the (2, 3u) bias goes with x·W and row 1 with h·U. */
    @Override
    NDArray inputBias(NDArray bias) { return resetAfter ? bias.slice(0, 0, 1).reshape(-1) : bias; }

    /** U meets h for z and r but r·h for the candidate without reset_after: stepBackward adds U's gradient step by step. */
    @Override
    void addRecurrentGradient(NDArray previous, NDArray dz, Param u) {}

    @Override
    String stateText() { return "a hidden state h"; }

    @Override
    protected void addConfig(Map<String, Object> c) {
        super.addConfig(c);
        c.put("recurrent_activation", "sigmoid");
        c.put("reset_after", resetAfter);
    }
}
