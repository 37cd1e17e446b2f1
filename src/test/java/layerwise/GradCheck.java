package layerwise;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import layerwise.layers.Layer;
import layerwise.layers.Param;
import layerwise.model.Model;
import layerwise.ndarray.NDArray;

/**
 * Checks a backward pass against central differences. The scalar checked is L = Σ R·forward(x) for a
 * fixed random R, so dL/dOutput = R is what backward receives.
 * <p>
 * Float32 bound: forward runs in float32, so L carries a rounding error of about 1e-7·Σ|R·y|; with a
 * step h = 5e-3 the finite difference is good to roughly that error / h plus h²·L‴. We accept
 * |expected − got| ≤ 5e-3 + 1e-2·|expected|, which such rounding stays well inside for the small
 * arrays the tests use, while a wrong formula (a missing factor, a transposed index) misses it by far.
 * At most {@value #SAMPLES} elements of x and of each param are checked, chosen with a fixed seed.
 */
public final class GradCheck {
    static final double H = 5e-3, ATOL = 5e-3, RTOL = 1e-2;
    static final int SAMPLES = 40;

    private GradCheck() {}

    /** A forward/backward pair with weights: a layer or a whole model. */
    public interface Net {
        NDArray forward(NDArray x);
        NDArray backward(NDArray gradOut);
        List<Param> params();
    }

    public static void assertMatches(Layer layer, NDArray x) { assertMatches(layer, x, true); }

    public static void assertMatches(Layer layer, NDArray x, boolean training) {
        check(new Net() {
            public NDArray forward(NDArray in) { return layer.forward(in, training); }
            public NDArray backward(NDArray g) { return layer.backward(g); }
            public List<Param> params() { return layer.params(); }
        }, x);
    }

    public static void assertMatches(Model model, NDArray x) {
        check(new Net() {
            public NDArray forward(NDArray in) { return model.forward(in, true); }
            public NDArray backward(NDArray g) { return model.backward(g); }
            public List<Param> params() { return model.params(); }
        }, x);
    }

    public static void check(Net net, NDArray x) {
        NDArray y = net.forward(x);
        NDArray r = NDArray.normal(7, y.dims());
        NDArray dx = net.backward(r).copy();
        List<String> failures = new ArrayList<>();
        compare("dL/dx", x, dx, () -> loss(net, x, r), failures);
        for (Param p : net.params()) {
            net.forward(x);
            net.backward(r);
            NDArray grad = p.grad().copy();
            compare("dL/d" + p.name(), p.value(), grad, () -> loss(net, x, r), failures);
        }
        if (!failures.isEmpty()) throw new AssertionError(String.join("\n", failures));
    }

    /** Compares the finite difference of {@code l} wrt each sampled element of {@code wrt} with {@code analytic}. */
    public static void compare(String what, NDArray wrt, NDArray analytic, java.util.function.DoubleSupplier l, List<String> failures) {
        float[] w = wrt.data(), a = analytic.data();
        Random pick = new Random(11);
        int n = w.length, count = Math.min(n, SAMPLES);
        for (int s = 0; s < count; s++) {
            int i = n <= SAMPLES ? s : pick.nextInt(n);
            float old = w[i];
            w[i] = (float) (old + H);
            double plus = l.getAsDouble();
            w[i] = (float) (old - H);
            double minus = l.getAsDouble();
            w[i] = old;
            double expected = (plus - minus) / (2 * H);
            if (Math.abs(expected - a[i]) > ATOL + RTOL * Math.abs(expected)) {
                failures.add(String.format("%s[%s]: expected %.6g (finite difference), got %.6g", what, index(wrt.dims(), i), expected, a[i]));
            }
        }
    }

    private static double loss(Net net, NDArray x, NDArray r) {
        float[] y = net.forward(x).data(), rr = r.data();
        double s = 0;
        for (int i = 0; i < y.length; i++) s += (double) y[i] * rr[i];
        return s;
    }

    static String index(int[] dims, int flat) {
        int[] idx = new int[dims.length];
        for (int k = dims.length - 1; k >= 0; k--) {
            idx[k] = flat % dims[k];
            flat /= dims[k];
        }
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < idx.length; k++) b.append(k == 0 ? "" : ",").append(idx[k]);
        return b.toString();
    }
}
