package layerwise.ndarray.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Both kernels against their definitions in double (Math.exp, Math.tanh), on 37 numbers (two full
 * registers and a remainder) from −100 to 100, with 0 and a tiny one among them; only the range
 * [3, 35) is touched. Agreement to 2·10⁻⁷ relative (float's own precision is 6·10⁻⁸).
 */
class TranscendentalsTest {
    private static final int FROM = 3, TO = 35;

    private static float[] numbers() {
        float[] x = new float[37];
        for (int i = 0; i < x.length; i++) x[i] = (i - 18) * (i % 3 == 0 ? 5.5f : 0.37f);
        x[20] = 1e-6f;
        return x;
    }

    private static Transcendentals kernel(String kind) { return kind.equals("plain") ? new PlainTranscendentals() : Transcendentals.create(); }

    private static void assertClose(double expected, float got, String what) {
        assertEquals(expected, got, 2e-7 * Math.abs(expected) + 1e-38, what);
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "vector"})
    void sigmoidIsOneOverOnePlusExpOfMinusX(String kind) {
        float[] x = numbers(), y = x.clone();
        kernel(kind).sigmoid(y, FROM, TO);
        for (int i = 0; i < x.length; i++) {
            double want = i < FROM || i >= TO ? x[i] : 1 / (1 + Math.exp(-x[i]));
            assertClose(want, y[i], "σ(" + x[i] + ")");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "vector"})
    void tanhMatchesMathTanh(String kind) {
        float[] x = numbers(), y = x.clone();
        kernel(kind).tanh(y, FROM, TO);
        for (int i = 0; i < x.length; i++) assertClose(i < FROM || i >= TO ? x[i] : Math.tanh(x[i]), y[i], "tanh(" + x[i] + ")");
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "vector"})
    void expShiftedWritesEachExponentialAndReturnsTheirSum(String kind) {
        float[] x = numbers(), y = x.clone();
        float shift = 100;
        float sum = kernel(kind).expShifted(y, FROM, TO, shift);
        double want = 0;
        for (int i = 0; i < x.length; i++) {
            double e = i < FROM || i >= TO ? x[i] : Math.exp(x[i] - shift);
            if (i >= FROM && i < TO) want += e;
            assertClose(e, y[i], "e^(" + x[i] + " − 100)");
        }
        assertEquals(want, sum, 1e-6 * want);
    }
}
