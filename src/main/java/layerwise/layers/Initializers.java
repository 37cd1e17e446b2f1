package layerwise.layers;

import java.util.List;
import java.util.Random;

import layerwise.ndarray.NDArray;

/**
 * Keras's weight initializers, by name. fan_in and fan_out count the inputs and outputs one weight
 * connects: for Dense (d_in, units); for a convolution k_h·k_w·C_in and k_h·k_w·F.
 * <pre>
 *   glorot_uniform  U(−l, l),  l = √(6 / (fan_in + fan_out))      (Glorot &amp; Bengio 2010)
 *   he_normal       truncated N(0, √(2 / fan_in))                 (He et al. 2015)
 *   he_uniform      U(−l, l),  l = √(6 / fan_in)
 *   lecun_normal / lecun_uniform / glorot_normal: the same with other scales
 * </pre>
 * Keras draws truncated normals at ±2σ and divides σ by .87962566103423978 so the spread stays σ.
 */
public final class Initializers {
    public static final List<String> NAMES = List.of("glorot_uniform", "glorot_normal", "he_normal", "he_uniform",
            "lecun_normal", "lecun_uniform", "random_normal", "random_uniform", "zeros", "ones");

    private Initializers() {}

    public static String check(String layer, String name) { return Options.oneOf(layer, "initializer", name, NAMES); }

    public static NDArray create(String name, Random rng, int fanIn, int fanOut, int... shape) {
        return switch (name) {
            case "zeros" -> NDArray.zeros(shape);
            case "ones" -> NDArray.ones(shape);
            case "random_normal" -> NDArray.normal(rng, 0, 0.05, shape);
            case "random_uniform" -> uniform(rng, 0.05, shape);
            case "glorot_uniform" -> uniform(rng, Math.sqrt(6.0 / (fanIn + fanOut)), shape);
            case "he_uniform" -> uniform(rng, Math.sqrt(6.0 / fanIn), shape);
            case "lecun_uniform" -> uniform(rng, Math.sqrt(3.0 / fanIn), shape);
            case "glorot_normal" -> truncated(rng, Math.sqrt(2.0 / (fanIn + fanOut)), shape);
            case "he_normal" -> truncated(rng, Math.sqrt(2.0 / fanIn), shape);
            case "lecun_normal" -> truncated(rng, Math.sqrt(1.0 / fanIn), shape);
            default -> throw new IllegalArgumentException("unknown initializer " + name);
        };
    }

    private static NDArray uniform(Random rng, double limit, int... shape) {
        return NDArray.random(rng, shape).mul(2f).sub(1f).mul((float) limit);
    }

    private static NDArray truncated(Random rng, double std, int... shape) {
        double sigma = std / .87962566103423978;
        NDArray a = NDArray.zeros(shape);
        float[] d = a.data();
        for (int i = 0; i < d.length; i++) {
            double v;
            do { v = rng.nextGaussian(); } while (Math.abs(v) > 2);
            d[i] = (float) (v * sigma);
        }
        return a;
    }
}
