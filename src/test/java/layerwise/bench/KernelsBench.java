package layerwise.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import layerwise.ndarray.DirectConvolution;
import layerwise.ndarray.NDArray;
import layerwise.ndarray.Patches;
import layerwise.ndarray.WindowAxis;
import layerwise.ndarray.kernels.AdamUpdate;
import layerwise.ndarray.kernels.Gemm;
import layerwise.ndarray.kernels.Relu;
import layerwise.ndarray.kernels.SgdUpdate;

/**
 * The kernels on the sizes of the benchmark models (S1, S3, M of ../shared/reference/bench), after
 * warm-up. Not a unit test; run it with the command in the README ("Speed"):
 * <pre>
 *   mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt
 *   java -cp target/test-classes:target/classes:$(cat target/test-classpath.txt) org.openjdk.jmh.Main KernelsBench
 * </pre>
 * Add {@code -p shape=square1024} to run one GEMM shape, and for one core
 * {@code -jvmArgsAppend "--add-modules jdk.incubator.vector -Dlayerwise.threads=1"}: the option replaces the
 * module flag of {@code @Fork}, and without it the plain-Java kernel runs (7 times slower).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class KernelsBench {
    /** name: transA, transB, m, n, k. */
    @Param({"square1024", "S1.denseForward", "S1.denseWeightGradient", "S1.denseInputGradient", "S1.convForward",
            "S3.conv2Forward", "M.convForward"})
    public String shape;

    private boolean ta, tb;
    private int m, n, k;
    private float[] a, b, c, w, g, v, firstMoment;
    private NDArray image, digits, digitsKernel, digitsBias, digitsGrad, digitsKernelGrad, maps;
    private Patches.Geometry s1Conv, mConv, mPool;
    private int[] mArgmax;

    @Setup
    public void setUp() {
        int[] s = switch (shape) {
            case "square1024" -> new int[] {0, 0, 1024, 1024, 1024};
            case "S1.denseForward" -> new int[] {0, 0, 32, 256, 307_328};
            case "S1.denseWeightGradient" -> new int[] {1, 0, 307_328, 256, 32};
            case "S1.denseInputGradient" -> new int[] {0, 1, 32, 307_328, 256};
            case "S1.convForward" -> new int[] {0, 0, 307_328, 32, 27};
            case "S3.conv2Forward" -> new int[] {0, 0, 165_888, 32, 144};
            case "M.convForward" -> new int[] {0, 0, 21_632, 8, 9};
            default -> throw new IllegalArgumentException(shape);
        };
        ta = s[0] == 1;
        tb = s[1] == 1;
        m = s[2];
        n = s[3];
        k = s[4];
        Random random = new Random(0);
        a = random(random, m * k);
        b = random(random, k * n);
        c = new float[m * n];
        w = random(random, 1 << 22);
        g = random(random, 1 << 22);
        v = new float[1 << 22];
        firstMoment = new float[1 << 22];
        image = NDArray.wrap(random(random, 32 * 100 * 100 * 3), 32, 100, 100, 3);
        WindowAxis s1 = new WindowAxis(100, 3, 1, 1, 0, 98), m3 = new WindowAxis(28, 3, 1, 1, 0, 26), m2 = new WindowAxis(26, 2, 2, 1, 0, 13);
        s1Conv = Patches.Geometry.of(32, 3, s1, s1);
        mConv = Patches.Geometry.of(32, 1, m3, m3);
        digits = NDArray.wrap(random(random, 32 * 28 * 28), 32, 28, 28, 1);
        digitsKernel = NDArray.wrap(random(random, 3 * 3 * 8), 3, 3, 1, 8);
        digitsBias = NDArray.wrap(random(random, 8), 8);
        digitsGrad = NDArray.wrap(random(random, mConv.rows() * 8), 32, 26, 26, 8);
        digitsKernelGrad = NDArray.zeros(3, 3, 1, 8);
        mPool = Patches.Geometry.of(32, 8, m2, m2);
        maps = NDArray.wrap(random(random, 32 * 26 * 26 * 8), 32, 26, 26, 8);
        mArgmax = new int[mPool.rows() * 8];
    }

    private static float[] random(Random random, int size) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) x[i] = random.nextFloat() - 0.5f;
        return x;
    }

    /** C = op(A)·op(B) for the chosen shape. */
    @Benchmark
    public float[] gemm() {
        Gemm.gemm(ta, tb, m, n, k, 1f, a, 0, ta ? m : k, b, 0, tb ? k : n, 0f, c, 0, n);
        return c;
    }

    /** The windows of an S1 batch (32 × 100×100×3, 3×3 kernel) as rows. */
    @Benchmark
    public NDArray im2colS1() { return Patches.im2col(image, s1Conv); }

    /** M's convolution, 32 × 28×28×1 → 26×26×8, straight from the input. */
    @Benchmark
    public NDArray directConvForwardM() { return DirectConvolution.forward(digits, mConv, digitsKernel, digitsBias); }

    /** M's convolution's weight and bias gradients. */
    @Benchmark
    public NDArray directConvWeightGradientM() {
        DirectConvolution.weightGrad(digits, mConv, digitsGrad, digitsKernelGrad, digitsBias);
        return digitsKernelGrad;
    }

    /** M's MaxPooling2D(2) on 32 × 26×26×8. */
    @Benchmark
    public NDArray maxPoolM() { return Patches.maxPool(maps, mPool, mArgmax); }

    /** relu's gradient on 4 M numbers. */
    @Benchmark
    public float[] reluBackward() {
        Relu.backward(w, g, v, w.length);
        return v;
    }

    /** One Nesterov SGD step on 4 M weights. */
    @Benchmark
    public float[] sgdNesterov() {
        SgdUpdate.momentum(w, g, v, 1e-9f, 0.9f, true);
        return w;
    }

    /** One Adam step on 4 M weights (v, zeros at the start of each trial, is the second moment). */
    @Benchmark
    public float[] adam() {
        AdamUpdate.step(w, g, firstMoment, v, 1e-9f, 0.9f, 0.999f, 1e-7f);
        return w;
    }
}
