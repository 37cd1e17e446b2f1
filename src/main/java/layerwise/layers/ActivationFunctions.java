package layerwise.layers;

import layerwise.error.ConfigException;
import layerwise.error.Problem;
import layerwise.ndarray.NDArray;

/**
 * The activation functions by their Keras names, forward and backward. All but softmax act on each
 * number alone, so their backward is gradIn = gradOut · f′(z), with f′ written from z (the input) or
 * y = f(z) (the output), whichever is simpler. softmax normalizes along the last axis:
 * <pre>
 *   y_i = e^(z_i − max z) / Σ_j e^(z_j − max z)        gradIn_i = y_i · (gradOut_i − Σ_j gradOut_j·y_j)
 * </pre>
 */
public final class ActivationFunctions {
    static final double SELU_ALPHA = 1.6732632423543772848170429916717, SELU_SCALE = 1.0507009873554804934193349852946;
    /** Keras 3's default negative slope for the "leaky_relu" activation. */
    static final float LEAKY_SLOPE = 0.2f;

    private ActivationFunctions() {}

    public static NDArray forward(String name, NDArray z) {
        if (name.equals("linear")) return z;
        if (name.equals("softmax")) return softmax(z);
        if (name.equals("relu")) return z.relu();
        java.util.function.DoubleUnaryOperator f = function(name);
        float[] in = z.data(), out = new float[in.length];
        for (int i = 0; i < in.length; i++) out[i] = (float) f.applyAsDouble(in[i]);
        return NDArray.wrap(out, z.dims());
    }

    /** The gradient with respect to z, given z, y = forward(z) and the gradient with respect to y. */
    public static NDArray backward(String name, NDArray z, NDArray y, NDArray gradY) {
        if (name.equals("linear")) return gradY;
        if (name.equals("softmax")) return softmaxBackward(y, gradY);
        if (name.equals("relu")) return z.reluBackward(gradY);
        java.util.function.DoubleBinaryOperator d = derivative(name);
        float[] zz = z.data(), yy = y.data(), g = gradY.data(), out = new float[zz.length];
        for (int i = 0; i < zz.length; i++) out[i] = (float) (g[i] * d.applyAsDouble(zz[i], yy[i]));
        return NDArray.wrap(out, z.dims());
    }

    /** f(x), looked up once per array rather than once per number. */
    static java.util.function.DoubleUnaryOperator function(String name) {
        return switch (name) {
            case "relu" -> x -> Math.max(x, 0);
            case "sigmoid" -> ActivationFunctions::sigmoid;
            case "tanh" -> Math::tanh;
            case "elu" -> x -> x > 0 ? x : Math.expm1(x);
            case "selu" -> x -> SELU_SCALE * (x > 0 ? x : SELU_ALPHA * Math.expm1(x));
            case "leaky_relu" -> x -> x > 0 ? x : LEAKY_SLOPE * x;
            case "gelu" -> x -> 0.5 * x * (1 + erf(x / Math.sqrt(2)));
            case "swish", "silu" -> x -> x * sigmoid(x);
            case "softplus" -> x -> Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
            case "softsign" -> x -> x / (1 + Math.abs(x));
            case "relu6" -> x -> Math.min(Math.max(x, 0), 6);
            case "hard_sigmoid" -> x -> Math.min(Math.max(0.2 * x + 0.5, 0), 1);
            case "exponential" -> Math::exp;
            default -> throw unknown(name);
        };
    }

    /** f′ as a function of the input x and the output y = f(x). */
    static java.util.function.DoubleBinaryOperator derivative(String name) {
        return switch (name) {
            case "relu" -> (x, y) -> x > 0 ? 1 : 0;
            case "sigmoid" -> (x, y) -> y * (1 - y);
            case "tanh" -> (x, y) -> 1 - y * y;
            case "elu" -> (x, y) -> x > 0 ? 1 : y + 1;
            case "selu" -> (x, y) -> x > 0 ? SELU_SCALE : y + SELU_SCALE * SELU_ALPHA;
            case "leaky_relu" -> (x, y) -> x > 0 ? 1 : LEAKY_SLOPE;
            case "gelu" -> (x, y) -> 0.5 * (1 + erf(x / Math.sqrt(2))) + x * Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI);
            case "swish", "silu" -> (x, y) -> sigmoid(x) * (1 + x * (1 - sigmoid(x)));
            case "softplus" -> (x, y) -> sigmoid(x);
            case "softsign" -> (x, y) -> 1 / ((1 + Math.abs(x)) * (1 + Math.abs(x)));
            case "relu6" -> (x, y) -> x > 0 && x < 6 ? 1 : 0;
            case "hard_sigmoid" -> (x, y) -> x > -2.5 && x < 2.5 ? 0.2 : 0;
            case "exponential" -> (x, y) -> y;
            default -> throw unknown(name);
        };
    }

    /** 1 / (1 + e^−x), written so that neither branch overflows. */
    public static double sigmoid(double x) {
        if (x >= 0) return 1 / (1 + Math.exp(-x));
        double e = Math.exp(x);
        return e / (1 + e);
    }

    /** The error function, Abramowitz &amp; Stegun 7.1.26 (absolute error below 1.5e-7, finer than float32). */
    static double erf(double x) {
        double t = 1 / (1 + 0.3275911 * Math.abs(x));
        double poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
        double r = 1 - poly * Math.exp(-x * x);
        return x >= 0 ? r : -r;
    }

    static NDArray softmax(NDArray z) {
        int n = z.dim(-1);
        float[] in = z.data(), out = new float[in.length];
        for (int row = 0; row < in.length; row += n) {
            float max = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < n; j++) max = Math.max(max, in[row + j]);
            double sum = 0;
            for (int j = 0; j < n; j++) sum += out[row + j] = (float) Math.exp(in[row + j] - max);
            for (int j = 0; j < n; j++) out[row + j] /= sum;
        }
        return NDArray.wrap(out, z.dims());
    }

    static NDArray softmaxBackward(NDArray y, NDArray gradY) {
        int n = y.dim(-1);
        float[] yy = y.data(), g = gradY.data(), out = new float[yy.length];
        for (int row = 0; row < yy.length; row += n) {
            double dot = 0;
            for (int j = 0; j < n; j++) dot += g[row + j] * yy[row + j];
            for (int j = 0; j < n; j++) out[row + j] = (float) (yy[row + j] * (g[row + j] - dot));
        }
        return NDArray.wrap(out, y.dims());
    }

    private static ConfigException unknown(String name) {
        return new ConfigException(Problem.at("activation")
                .headline("Unknown activation function: '" + name + "'.")
                .expected("one of " + String.join(", ", Activations.NAMES)).got("'" + name + "'")
                .fix("use one of the names above"));
    }
}
