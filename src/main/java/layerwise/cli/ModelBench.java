package layerwise.cli;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

import com.sun.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import layerwise.examples.SeedModels;
import layerwise.examples.SequenceModels;
import layerwise.layers.Conv2D;
import layerwise.layers.Dense;
import layerwise.layers.Flatten;
import layerwise.layers.Input;
import layerwise.layers.MaxPooling2D;
import layerwise.layers.Names;
import layerwise.layers.SymbolicTensor;
import layerwise.model.Model;
import layerwise.ndarray.NDArray;
import layerwise.train.FitListener;
import layerwise.train.FitOptions;
import layerwise.train.History;
import layerwise.train.SGD;

/**
 * The training workloads of the PyTorch anchor script, built and trained the same way: random uniform
 * inputs (random token ids for L and T), random labels, SGD(lr 0.01, momentum 0.9, Nesterov), batch 32.
 * <pre>
 *   S1  100 samples (100, 100, 3), 10 classes: Conv2D(32, 3, relu), Flatten, Dense(256, relu), Dense(10, softmax); 10 epochs
 *   S3  64 samples (150, 150, 3), binary: 3 × (Conv2D 3×3 relu, MaxPooling2D 2), Flatten, Dense(512, relu), Dense(1, sigmoid); 3 epochs
 *   M   2,000 samples (28, 28, 1), 10 classes: Conv2D(8, 3, relu), MaxPooling2D 2, Flatten, Dense(10, softmax); 3 epochs
 *   L   2,000 sequences of 100 token ids, binary: Embedding(5000, 64), LSTM(64), Dense(1, sigmoid); 3 epochs
 *   T   2,000 sequences of 64 token ids, binary: Embedding(5000, 64), MultiHeadAttention(4, 16) + residual, LayerNormalization,
 *       Dense(128, relu), Dense(64) + residual, LayerNormalization, GlobalAveragePooling1D, Dense(1, sigmoid); 3 epochs
 * </pre>
 */
final class ModelBench {
    /** Prints one figure: name, samples, unit, and extra JSON fields (may be empty). */
    interface Figures {
        void emit(String name, List<Double> samples, String unit, String extra);
    }

    /** {@code vocabulary} &gt; 0: the inputs are token ids below it rather than uniform numbers. */
    private record Workload(Model model, int samples, int[] sampleShape, int classes, int epochs, int vocabulary) {
        Workload(Model model, int samples, int[] sampleShape, int classes, int epochs) {
            this(model, samples, sampleShape, classes, epochs, 0);
        }
    }

    private final Figures figures;

    ModelBench(Figures figures) {
        this.figures = figures;
    }

    static boolean known(String key) { return List.of("S1", "S3", "M", "L", "T").contains(key); }

    void run(String key, int epochsOverride) {
        Names.reset();
        Workload w = workload(key);
        int epochs = epochsOverride > 0 ? epochsOverride : w.epochs();
        int[] shape = new int[w.sampleShape().length + 1];
        shape[0] = w.samples();
        System.arraycopy(w.sampleShape(), 0, shape, 1, w.sampleShape().length);
        NDArray x = w.vocabulary() > 0 ? NDArray.randint(0, w.vocabulary(), shape) : NDArray.random(0, shape);
        NDArray labels = NDArray.randint(1, w.classes() == 1 ? 2 : w.classes(), w.samples());
        NDArray y = w.classes() == 1 ? labels.reshape(w.samples(), 1) : NDArray.toCategorical(labels, w.classes());
        String loss = w.classes() == 1 ? "binary_crossentropy" : "categorical_crossentropy";
        int warmupEpochs = warmUp(w.model(), x, y, loss);
        w.model().compile(new SGD(0.01).momentum(0.9).nesterov(true), loss);
        w.model().initialize(0);
        figures.emit("train." + key + ".params", List.of((double) w.model().countParams()), "count", "");
        figures.emit("train." + key + ".warmup_epochs", List.of((double) warmupEpochs), "count",
                ", \"note\": \"untimed epochs trained first to let the JIT compile the kernels; the weights and the optimizer then start afresh\"");
        resetPeakHeap();
        EpochTimer timer = new EpochTimer();
        long start = System.nanoTime();
        History h = w.model().fit(x, y, 32, epochs, new FitOptions().verbose(0).seed(0).listener(timer));
        double total = (System.nanoTime() - start) / 1e9;
        double lastLoss = h.get("loss")[h.epochs() - 1];
        figures.emit("train." + key + ".epoch_s", timer.seconds, "s", String.format(Locale.ROOT,
                ", \"epochs\": %d, \"batch\": 32, \"samples\": %d, \"per_epoch\": %s, \"last_loss\": %.4f",
                epochs, w.samples(), rounded(timer.seconds), lastLoss));
        if (epochs > 1) {
            List<Double> after = timer.seconds.subList(1, epochs);
            figures.emit("train." + key + ".epoch_s_after_first", after, "s", ", \"per_epoch\": " + rounded(after));
            figures.emit("train." + key + ".cpu_s_after_first", timer.cpuSeconds.subList(1, epochs), "s",
                    ", \"note\": \"CPU seconds of all threads per epoch\"");
        }
        figures.emit("train." + key + ".total_s", List.of(total), "s", "");
        figures.emit("train." + key + ".peak_heap_MB", List.of(peakHeapMB()), "MB", "");
        figures.emit("train." + key + ".rss_MB", List.of(rssMB()), "MB",
                ", \"note\": \"VmHWM: the process's peak so far, including models run before this one\"");
        figures.emit("train." + key + ".forward_batch_s", forwardTimes(w.model(), x.slice(0, 32).contiguous()), "s", ", \"batch\": 32");
    }

    /**
     * Trains the model for untimed epochs first, as a JMH warm-up does: the JVM compiles the kernels
     * with all optimizations only after watching them run for a while (about 2 s of M's training on
     * a quiet machine: its epochs took 60–80 ms until then and 45–50 ms after). Epochs follow one
     * another for at least 2.5 s, and then until one passes in which the JIT compilers worked for less
     * than 2 % of it (at most 20 s): in a JVM that has trained bigger models (S1, S3 before M), the
     * compiler still has their code to finish and this model's kernels wait in its queue, running
     * unoptimized meanwhile. The caller re-initializes the weights and makes a fresh optimizer
     * afterwards, so the timed run computes exactly the losses it would compute without warm-up. A
     * model with more than 16 M weights (S1) is not warmed up: its steps are a few long kernel calls
     * that the JIT has compiled within the first epoch, and the warm-up's discarded weights, gradients
     * and velocities (945 MB for S1) would inflate its peak-memory figures.
     */
    private static int warmUp(Model model, NDArray x, NDArray y, String loss) {
        if (model.countParams() > 16_000_000L) return 0;
        model.initialize(0);
        model.compile(new SGD(0.01).momentum(0.9).nesterov(true), loss);
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long start = System.nanoTime();
        int epochs = 0;
        boolean compiling;
        do {
            long epochStart = System.nanoTime(), jitStart = jitMillis(jit);
            model.fit(x, y, 32, 1, new FitOptions().verbose(0).seed(0));
            epochs++;
            compiling = (jitMillis(jit) - jitStart) * 1e6 > 0.02 * (System.nanoTime() - epochStart);
        } while (System.nanoTime() - start < 2_500_000_000L || compiling && System.nanoTime() - start < 20_000_000_000L);
        return epochs;
    }

    /** Milliseconds the JIT compilers have worked so far, or 0 where the JVM does not say. */
    private static long jitMillis(CompilationMXBean jit) {
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    private static Workload workload(String key) {
        return switch (key) {
            case "S1" -> new Workload(SeedModels.convThenDense(true), 100, new int[] {100, 100, 3}, 10, 10);
            case "S3" -> new Workload(SeedModels.threeConvBlocks(), 64, new int[] {150, 150, 3}, 1, 3);
            case "M" -> new Workload(mnistLike(), 2000, new int[] {28, 28, 1}, 10, 3);
            case "L" -> new Workload(SequenceModels.textLstm(), 2000, new int[] {100}, 1, 3, 5000);
            case "T" -> new Workload(SequenceModels.encoderBlock(), 2000, new int[] {64}, 1, 3, 5000);
            default -> throw new UsageException("bench: unknown model '" + key + "'; the models are S1, S3, M, L and T.");
        };
    }

    private static Model mnistLike() {
        Input in = new Input(28, 28, 1);
        SymbolicTensor x = new Conv2D(8, 3).activation("relu").apply(in);
        x = new MaxPooling2D(2).apply(x);
        x = new Flatten().apply(x);
        return new Model(in, new Dense(10).activation("softmax").apply(x));
    }

    /**
     * Seconds per epoch, measured between the trainer's epoch events, and the CPU seconds of the whole
     * process in that time (all threads: on a busy machine the wall time grows, the CPU time does not).
     */
    private static final class EpochTimer implements FitListener {
        final List<Double> seconds = new ArrayList<>(), cpuSeconds = new ArrayList<>();
        private final OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        private long begin, cpuBegin;

        @Override public void onEpochBegin(int epoch, int epochs) {
            begin = System.nanoTime();
            cpuBegin = os.getProcessCpuTime();
        }

        @Override public void onEpochEnd(int epoch, Map<String, Double> logs, History history) {
            seconds.add((System.nanoTime() - begin) / 1e9);
            cpuSeconds.add((os.getProcessCpuTime() - cpuBegin) / 1e9);
        }
    }

    private static List<Double> forwardTimes(Model model, NDArray batch) {
        model.forward(batch, false);
        List<Double> times = new ArrayList<>();
        for (int r = 0; r < 10; r++) {
            long t = System.nanoTime();
            model.forward(batch, false);
            times.add((System.nanoTime() - t) / 1e9);
        }
        return times;
    }

    private static String rounded(List<Double> v) {
        return v.stream().map(d -> String.format(Locale.ROOT, "%.4f", d)).toList().toString();
    }

    private static void resetPeakHeap() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) pool.resetPeakUsage();
        }
    }

    /** The sum of the heap pools' peaks since the last reset (an upper bound of the true peak). */
    private static double peakHeapMB() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) bytes += pool.getPeakUsage().getUsed();
        }
        return bytes / 1048576.0;
    }

    /** Peak resident memory of this process (VmHWM in /proc/self/status), or −1 where there is no /proc. */
    private static double rssMB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
