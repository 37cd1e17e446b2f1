package layerwise.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import layerwise.layers.Conv1D;
import layerwise.layers.Conv2D;
import layerwise.layers.Dense;
import layerwise.layers.Flatten;
import layerwise.layers.Reshape;
import layerwise.model.Sequential;
import layerwise.model.Model;
import layerwise.ndarray.NDArray;
import layerwise.ndarray.kernels.Parallel;

/**
 * Gradients and optimizer state live in arrays made once: after the first step, a training step
 * allocates only arrays the size of the batch's activations, never one the size of a kernel.
 */
class TrainingStepAllocationTest {
    /** Kernels of 49 K (Conv1D), 147 K (Conv2D) and 262 K (Dense) weights; a batch of one sample. */
    private static Sequential model() {
        var m = new Sequential();
        m.add(new Conv1D(256, 3).activation("relu").inputShape(6, 64));
        m.add(new Reshape(4, 4, 64));
        m.add(new Conv2D(256, 3).activation("relu"));
        m.add(new Flatten());
        m.add(new Dense(256).activation("relu"));
        m.add(new Dense(10).activation("softmax"));
        return m;
    }

    private static Optimizer optimizer(String name) {
        return switch (name) {
            case "sgd" -> new SGD(0.01).momentum(0.9);
            case "adam" -> new Adam();
            case "rmsprop" -> new RMSprop();
            default -> new Adagrad();
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"sgd", "adam", "rmsprop", "adagrad"})
    void stepsAfterTheFirstAllocateLessThanTheSmallestKernel(String optimizer) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        int batches = 8, batch = 1;
        NDArray x = NDArray.random(1, batches * batch, 6, 64), y = NDArray.toCategorical(NDArray.randint(2, 10, batches * batch), 10);
        Model t = model();
        t.compile(optimizer(optimizer), "categorical_crossentropy");
        FitOptions quiet = new FitOptions().verbose(0).seed(3);
        long[] allocated = {Long.MAX_VALUE};
        // on this thread alone, so that every allocation is counted here; the fewest bytes of up to 20
        // epochs, because until the JIT has compiled the Vector API kernels each of their vector operations
        // is an object on the heap. A kernel-sized array per step shows in every epoch.
        Parallel.serially(() -> {
            t.fit(x, y, batch, 1, quiet);
            for (int epoch = 0; epoch < 20 && allocated[0] / batches >= 3 * 64 * 256 * 4L; epoch++) {
                long before = threads.getCurrentThreadAllocatedBytes();
                t.fit(x, y, batch, 1, quiet);
                allocated[0] = Math.min(allocated[0], threads.getCurrentThreadAllocatedBytes() - before);
            }
        });
        long perStep = allocated[0] / batches, smallestKernel = 3 * 64 * 256 * 4L;
        assertTrue(perStep < smallestKernel, optimizer + ": " + perStep + " bytes per step, the Conv1D kernel has " + smallestKernel);
    }
}
