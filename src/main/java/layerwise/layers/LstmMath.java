package layerwise.layers;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * The numbers of one LSTM step, every unit of every sample in one pass over flat (batch, ·) rows,
 * rather than a dozen whole-array operations that each read and write the batch again.
 * <pre>
 *   forward:  i, f, o = σ(z_i), σ(z_f), σ(z_o);  g = act(z_g);  c = f·c_prev + i·g;  h = o·act(c)
 *   backward: dc = dc_next + dh·o·act′(c);  dz_i = dc·g·σ′,  dz_f = dc·c_prev·σ′,  dz_g = dc·i·act′(z_g),
 *             dz_o = dh·act(c)·σ′  (σ′ = s·(1 − s) of that gate's s);  dc_prev = dc·f
 * </pre>
 * z holds the four gates side by side in Keras's order i, f, g, o, u numbers each.
 */
final class LstmMath {
    private final int units;
    private final DoubleUnaryOperator act;
    private final DoubleBinaryOperator slope;
    private final boolean linear;

    /** act is the layer's activation (tanh by default), used for the candidate g and for c. */
    LstmMath(int units, String activation) {
        this.units = units;
        this.linear = activation.equals("linear");
        this.act = activation.equals("tanh") ? LstmMath::tanh : linear ? z -> z : ActivationFunctions.function(activation);
        this.slope = linear ? (z, y) -> 1 : ActivationFunctions.derivative(activation);
    }

    /**
     * Turns z (x·W + h·U + b) into the gates in place, and writes z_g (kept for act′), c, act(c) and h.
     * All arrays are compact; z is (batch, 4u), the others (batch, u).
     */
    void forward(float[] z, float[] zg, float[] cPrev, float[] c, float[] tc, float[] h) {
        int u = units;
        for (int n = 0, rows = cPrev.length / u; n < rows; n++) {
            int at = n * u, gates = 4 * at;
            for (int j = 0; j < u; j++) {
                int zi = gates + j;
                float i = sigmoid(z[zi]), f = sigmoid(z[zi + u]), g = (float) act.applyAsDouble(z[zi + 2 * u]), o = sigmoid(z[zi + 3 * u]);
                zg[at + j] = z[zi + 2 * u];
                z[zi] = i;
                z[zi + u] = f;
                z[zi + 2 * u] = g;
                z[zi + 3 * u] = o;
                float cj = f * cPrev[at + j] + i * g, tcj = (float) act.applyAsDouble(cj);
                c[at + j] = cj;
                tc[at + j] = tcj;
                h[at + j] = o * tcj;
            }
        }
    }

    /** Writes dz (batch, 4u) and dc_prev (batch, u) from dh and dc_next, given what forward saved. */
    void backward(float[] gates, float[] zg, float[] cPrev, float[] c, float[] tc, float[] dh, float[] dcNext,
                  float[] dz, float[] dcPrev) {
        int u = units;
        for (int n = 0, rows = cPrev.length / u; n < rows; n++) {
            int at = n * u, z = 4 * at;
            for (int j = 0; j < u; j++) {
                int k = at + j, zi = z + j;
                float i = gates[zi], f = gates[zi + u], g = gates[zi + 2 * u], o = gates[zi + 3 * u];
                float dhk = dh[k], dc = dcNext[k] + (float) (dhk * o * slope.applyAsDouble(c[k], tc[k]));
                dz[zi] = sigmoidSlope(i, dc * g);
                dz[zi + u] = sigmoidSlope(f, dc * cPrev[k]);
                dz[zi + 2 * u] = (float) (dc * i * slope.applyAsDouble(zg[k], g));
                dz[zi + 3 * u] = sigmoidSlope(o, dhk * tc[k]);
                dcPrev[k] = dc * f;
            }
        }
    }

    private static float sigmoid(float z) { return (float) ActivationFunctions.sigmoid(z); }

    /** grad·σ′ with σ′ = s·(1 − s) written from the gate's output s. */
    private static float sigmoidSlope(float s, float grad) { return grad * s * (1 - s); }

    /**
     * tanh through one exponential, (1 − e^(−2|x|)) / (1 + e^(−2|x|)) with x's sign, in double, so the
     * float result is as exact as Math.tanh's; near 0, where 1 − e would cancel, the series x − x³/3.
     */
    static double tanh(double x) {
        double ax = Math.abs(x);
        if (ax < 1e-4) return x - x * x * x / 3;
        double e = Math.exp(-2 * ax), t = (1 - e) / (1 + e);
        return x < 0 ? -t : t;
    }
}
