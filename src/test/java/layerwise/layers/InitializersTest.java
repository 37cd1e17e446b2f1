package layerwise.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import layerwise.ndarray.NDArray;

class InitializersTest {
    /**
     * fan_in = 400, fan_out = 100. Uniform U(−l, l) has standard deviation l/√3; Keras's truncated
     * normals keep the nominal σ. Expected σ:
     * glorot_uniform √(6/500)/√3 = 0.06325, glorot_normal √(2/500) = 0.06325, he_uniform √(6/400)/√3 = 0.07071,
     * he_normal √(2/400) = 0.07071, lecun_uniform √(3/400)/√3 = 0.05, lecun_normal √(1/400) = 0.05.
     */
    @ParameterizedTest
    @CsvSource({"glorot_uniform, 0.06325", "glorot_normal, 0.06325", "he_uniform, 0.07071", "he_normal, 0.07071",
            "lecun_uniform, 0.05", "lecun_normal, 0.05", "random_normal, 0.05"})
    void spreadFollowsTheFanInAndFanOut(String name, double std) {
        NDArray w = Initializers.create(name, new Random(1), 400, 100, 400, 100);
        assertEquals(std, Math.sqrt(w.square().mean()), std * 0.03, name);
        assertTrue(Math.abs(w.mean()) < std * 0.02, name + " mean " + w.mean());
    }

    @ParameterizedTest
    @CsvSource({"glorot_uniform, 500", "he_uniform, 400"})
    void uniformKernelsStayInsideTheirLimit(String name, double fans) {
        // glorot: l = √(6/(fan_in + fan_out)) = √(6/500); he: l = √(6/fan_in) = √(6/400)
        double limit = Math.sqrt(6 / fans) * (1 + 1e-6);
        NDArray w = Initializers.create(name, new Random(2), 400, 100, 400, 100);
        assertTrue(w.abs().max() <= limit, name + " max " + w.abs().max());
        assertTrue(w.abs().max() > limit * 0.99, name + " should reach close to its limit");
    }
}
