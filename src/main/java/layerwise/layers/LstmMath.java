package layerwise.layers;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

import layerwise.ndarray.VectorMath;

/**
 * The numbers of one LSTM step on flat (batch, ·) rows, in a few passes (the gates' exponentials
 * many at a time through {@link VectorMath}) rather than a dozen whole-array operations.
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
    private final boolean tanh, linear;

    /** act is the layer's activation (tanh by default), used for the candidate g and for c. */
    LstmMath(int units, String activation) {
        this.units = units;
        this.tanh = activation.equals("tanh");
        this.linear = activation.equals("linear");
        this.act = linear ? z -> z : ActivationFunctions.function(activation);
        this.slope = linear ? (z, y) -> 1 : ActivationFunctions.derivative(activation);
    }

    /**
     * Turns z (x·W + h·U + b) into the gates in place, and writes z_g (kept for act′), c, act(c) and h.
     * All arrays are compact; z is (batch, 4u), the others (batch, u).
     */
    void forward(float[] z, float[] zg, float[] cPrev, float[] c, float[] tc, float[] h) {
        int u = units, rows = cPrev.length / u;
        // 1. each sample's gates are ranges of its row of z: i and f side by side, then g, then o
        for (int n = 0; n < rows; n++) {
            int at = 4 * n * u;
            System.arraycopy(z, at + 2 * u, zg, n * u, u);
            VectorMath.sigmoid(z, at, at + 2 * u);
            activate(z, at + 2 * u, at + 3 * u);
            VectorMath.sigmoid(z, at + 3 * u, at + 4 * u);
        }
        // 2. c = f·c_prev + i·g
        for (int n = 0; n < rows; n++) {
            for (int j = 0, at = n * u, zi = 4 * at; j < u; j++, zi++) c[at + j] = z[zi + u] * cPrev[at + j] + z[zi] * z[zi + 2 * u];
        }
        // 3. h = o·act(c)
        System.arraycopy(c, 0, tc, 0, c.length);
        activate(tc, 0, tc.length);
        for (int n = 0; n < rows; n++) {
            for (int j = 0, at = n * u, zi = 4 * at + 3 * u; j < u; j++) h[at + j] = z[zi + j] * tc[at + j];
        }
    }

    /** act on x[from … to), in place. */
    private void activate(float[] x, int from, int to) {
        if (tanh) {
            VectorMath.tanh(x, from, to);
        } else if (!linear) {
            for (int i = from; i < to; i++) x[i] = (float) act.applyAsDouble(x[i]);
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

    /** grad·σ′ with σ′ = s·(1 − s) written from the gate's output s. */
    private static float sigmoidSlope(float s, float grad) { return grad * s * (1 - s); }
}
