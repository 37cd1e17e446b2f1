package layerwise.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import layerwise.ndarray.kernels.Gemm;
import layerwise.ndarray.kernels.Parallel;

/**
 * {@code ./layerwise bench [--models S1,S3,M,L,T] [--gemm 256,512,1024,2048] [--epochs N] --format json}:
 * how fast this machine runs Layerwise, with the figure names and units of the PyTorch anchor script
 * (../shared/reference/bench/anchor_torch.py), one JSON line per figure.
 */
final class Bench {
    private final PrintStream out;
    private final boolean json;

    private Bench(PrintStream out, boolean json) {
        this.out = out;
        this.json = json;
    }

    static int run(String[] args, PrintStream out) {
        String models = "S1,S3,M", gemm = "", format = "text";
        int epochs = 0;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--models" -> models = need(args[i], value);
                case "--gemm" -> gemm = need(args[i], value);
                case "--epochs" -> epochs = positive(args[i], need(args[i], value));
                case "--format" -> format = need(args[i], value);
                default -> throw new UsageException("bench: unknown argument '" + args[i] + "'.\n" + USAGE);
            }
            i++;
        }
        if (!format.equals("json") && !format.equals("text")) throw new UsageException("bench: --format is json or text, got '" + format + "'.");
        List<String> keys = models.equalsIgnoreCase("none") ? List.of() : Arrays.stream(models.split(",")).map(String::trim).toList();
        for (String key : keys) {
            if (!ModelBench.known(key)) throw new UsageException("bench: unknown model '" + key + "'; the models are S1, S3, M, L and T (or none).");
        }
        int[] gemmSizes = sizes(gemm);
        Bench bench = new Bench(out, format.equals("json"));
        bench.environment();
        for (int n : gemmSizes) bench.gemm(n);
        for (String key : keys) new ModelBench(bench::emit).run(key, epochs);
        return 0;
    }

    static final String USAGE = "Usage: ./layerwise bench [--models S1,S3,M,L,T|none] [--gemm 256,512,1024,2048] [--epochs N] [--format json|text]";

    private static String need(String flag, String value) {
        if (value == null) throw new UsageException("bench: " + flag + " needs a value.\n" + USAGE);
        return value;
    }

    private static int positive(String flag, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n > 0) return n;
        } catch (NumberFormatException ignored) {
            // reported below, with the flag's name
        }
        throw new UsageException("bench: " + flag + " needs a positive whole number, got '" + value + "'.");
    }

    private static int[] sizes(String list) {
        if (list.isBlank()) return new int[0];
        return Arrays.stream(list.split(",")).mapToInt(s -> positive("--gemm", s.trim())).toArray();
    }

    private void environment() {
        String line = String.format(Locale.ROOT,
                "{\"name\": \"env\", \"java\": \"%s\", \"threads\": %d, \"vector_api\": %b, \"max_heap_MB\": %d}",
                System.getProperty("java.version"), Parallel.threads(), Gemm.usesVectorApi(),
                Runtime.getRuntime().maxMemory() >> 20);
        out.println(json ? line : "Layerwise bench: " + line);
    }

    /** fp32 square matmul in GFLOP/s, timed as the anchor does: samples of at least 0.25 s, median of 5. */
    private void gemm(int n) {
        Random random = new Random(0);
        float[] a = new float[n * n], b = new float[n * n], c = new float[n * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) random.nextGaussian();
            b[i] = (float) random.nextGaussian();
        }
        Runnable multiply = () -> Gemm.gemm(false, false, n, n, n, 1f, a, 0, n, b, 0, n, 0f, c, 0, n);
        long warmUntil = System.nanoTime() + 1_000_000_000L;
        do multiply.run(); while (System.nanoTime() < warmUntil);
        long t0 = System.nanoTime();
        multiply.run();
        double one = (System.nanoTime() - t0) / 1e9;
        int inner = (int) Math.max(1, 0.25 / Math.max(one, 1e-9));
        double flop = 2.0 * n * n * n;
        List<Double> samples = new ArrayList<>();
        for (int r = 0; r < 5; r++) {
            long s = System.nanoTime();
            for (int i = 0; i < inner; i++) multiply.run();
            samples.add(flop * inner / ((System.nanoTime() - s) / 1e9) / 1e9);
        }
        emit("gemm.layerwise.n" + n, samples, "GFLOP/s", "");
    }

    /** Whole numbers (counts) exactly, others to 6 significant digits, as the anchor script prints them. */
    private static String number(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) return Long.toString((long) x);
        return String.format(Locale.ROOT, "%.6g", x);
    }

    /** One figure: its median, min and max over the samples, and any extra JSON fields (", \"k\": v"). */
    void emit(String name, List<Double> samples, String unit, String extra) {
        double[] v = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        if (json) {
            out.printf(Locale.ROOT, "{\"name\": \"%s\", \"value\": %s, \"unit\": \"%s\", \"min\": %s, \"max\": %s, \"n\": %d%s}%n",
                    name, number(median), unit, number(v[0]), number(v[v.length - 1]), v.length, extra);
        } else {
            out.printf(Locale.ROOT, "%-36s %12.4f %s%n", name, median, unit);
        }
    }
}
