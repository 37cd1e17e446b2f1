package layerwise.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import layerwise.layers.Bidirectional;
import layerwise.layers.Conv2DTranspose;
import layerwise.layers.Conv3D;
import layerwise.layers.Dense;
import layerwise.layers.DepthwiseConv2D;
import layerwise.layers.Embedding;
import layerwise.layers.Flatten;
import layerwise.layers.FluentLayer;
import layerwise.layers.GRU;
import layerwise.layers.LSTM;
import layerwise.layers.SeparableConv2D;
import layerwise.layers.SimpleRNN;
import layerwise.model.Sequential;
import layerwise.model.Model;
import layerwise.ndarray.NDArray;
import layerwise.ndarray.kernels.Parallel;

/**
 * The layers beyond Dense and Conv1D/Conv2D (see {@link TrainingStepAllocationTest}) also write their
 * weight gradients straight into the gradient arrays: after the first step, a training step of one sample
 * allocates less than the smallest kernel of the layer under test. Each model is that layer on an input so
 * small that its activations are far smaller than its kernels, then Flatten and Dense(10).
 */
class LayerStepAllocationTest {
    /** One layer kind: how to make it, its input per sample, and its smallest kernel in floats. */
    record Case(String name, Supplier<FluentLayer<?>> layer, int[] sample, long smallestKernel) {
        @Override public String toString() { return name; }
    }

    static Stream<Case> cases() {
        return Stream.of(
                // kernel 3·3·3·C_in·F = 3·3·3·32·64
                new Case("Conv3D", () -> new Conv3D(64, 3), new int[] {3, 3, 3, 32}, 55_296),
                // kernel K_h·K_w·F·C_in = 3·3·64·128
                new Case("Conv2DTranspose", () -> new Conv2DTranspose(64, 3), new int[] {2, 2, 128}, 73_728),
                // kernel K_h·K_w·C_in·M = 5·5·32·64
                new Case("DepthwiseConv2D", () -> new DepthwiseConv2D(5).depthMultiplier(64), new int[] {5, 5, 32}, 51_200),
                // depthwise K_h·K_w·C_in·M = 5·5·64·32 = 51,200; pointwise C_in·M·F = 64·32·32 = 65,536
                new Case("SeparableConv2D", () -> new SeparableConv2D(32, 5).depthMultiplier(32), new int[] {5, 5, 64}, 51_200),
                // kernel d·u = 256·256; recurrent kernel u·u = 256·256
                new Case("SimpleRNN", () -> new SimpleRNN(256), new int[] {3, 256}, 65_536),
                // kernel d·4u = 256·1024; recurrent kernel u·4u = 256·1024
                new Case("LSTM", () -> new LSTM(256), new int[] {3, 256}, 262_144),
                // kernel d·3u = 256·768; recurrent kernel u·3u = 256·768
                new Case("GRU", () -> new GRU(256), new int[] {3, 256}, 196_608),
                new Case("GRU reset_after=False", () -> new GRU(256).resetAfter(false), new int[] {3, 256}, 196_608),
                // each direction: kernel d·u = 512·512; recurrent kernel u·u = 512·512
                new Case("Bidirectional SimpleRNN", () -> new Bidirectional(new SimpleRNN(512)), new int[] {3, 512}, 262_144),
                // table input_dim·output_dim = 1000·64
                new Case("Embedding", () -> new Embedding(1000, 64), new int[] {4}, 64_000));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void stepsAfterTheFirstAllocateLessThanTheSmallestKernel(Case c) {
        var model = new Sequential();
        model.add(c.layer().get().inputShape(longs(c.sample())));
        model.add(new Flatten());
        model.add(new Dense(10).activation("softmax"));
        int steps = 8;
        NDArray x = c.name().equals("Embedding") ? NDArray.randint(1, 1000, steps, 4) : NDArray.random(1, prepend(steps, c.sample()));
        NDArray y = NDArray.toCategorical(NDArray.randint(2, 10, steps), 10);
        Model t = model;
        t.compile(new SGD(0.01), "categorical_crossentropy");
        long kernelBytes = 4 * c.smallestKernel(), perStep = Long.MAX_VALUE;
        // the fewest bytes of up to 20 tries: until the JIT has compiled the Vector API kernels, each of
        // their vector operations is an object on the heap. A kernel-sized array per step shows in every epoch.
        for (int epoch = 0; epoch < 20 && perStep >= kernelBytes; epoch++) {
            perStep = Math.min(perStep, allocatedPerStep(t, x, y, steps));
        }
        assertTrue(perStep < kernelBytes, c + ": " + perStep + " bytes per step, its smallest kernel has " + kernelBytes);
    }

    /** The bytes one step of batch 1 allocates on average over an epoch after the first, on this thread alone. */
    private static long allocatedPerStep(Model t, NDArray x, NDArray y, int steps) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        FitOptions quiet = new FitOptions().verbose(0).seed(3);
        long[] allocated = new long[1];
        Parallel.serially(() -> {
            t.fit(x, y, 1, 1, quiet);
            long before = threads.getCurrentThreadAllocatedBytes();
            t.fit(x, y, 1, 1, quiet);
            allocated[0] = threads.getCurrentThreadAllocatedBytes() - before;
        });
        return allocated[0] / steps;
    }

    private static long[] longs(int[] dims) {
        long[] l = new long[dims.length];
        for (int i = 0; i < dims.length; i++) l[i] = dims[i];
        return l;
    }

    private static int[] prepend(int first, int[] rest) {
        int[] all = new int[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
