package layerwise.train;

import java.io.PrintStream;
import java.util.Map;

/**
 * The Keras progress line. With verbose 1 it redraws one line in place with "\r" after each batch,
 * and ends it after the epoch:
 * <pre>
 * Epoch 3/10
 * 4/4 [==============================] - 1s 250ms/step - loss: 0.4213 - accuracy: 0.8700 - val_loss: 0.5120
 * </pre>
 * With verbose 2 only the finished line is printed, without the bar.
 */
final class ProgressBar implements FitListener {
    private static final int WIDTH = 30;
    private final PrintStream out;
    private final int verbose;
    /** False for evaluate, whose one line has no "Epoch 1/1" above it. */
    private final boolean epochHeader;
    private long epochStart;
    private int batches = 1, lastLength;

    ProgressBar(PrintStream out, int verbose) { this(out, verbose, true); }

    ProgressBar(PrintStream out, int verbose, boolean epochHeader) {
        this.out = out;
        this.verbose = verbose;
        this.epochHeader = epochHeader;
    }

    @Override
    public void onTrainBegin(int epochs, int batchesPerEpoch, int samples) { batches = Math.max(batchesPerEpoch, 1); }

    @Override
    public void onEpochBegin(int epoch, int epochs) {
        if (epochHeader) out.println("Epoch " + epoch + "/" + epochs);
        epochStart = System.nanoTime();
    }

    @Override
    public void onBatchEnd(int epoch, int batch, int batches, Map<String, Double> logs) {
        if (verbose != 1 || batch == batches) return;
        double elapsed = (System.nanoTime() - epochStart) / 1e9;
        long eta = Math.round(elapsed / batch * (batches - batch));
        redraw(counter(batch, batches) + " " + bar(batch, batches) + " - ETA: " + eta + "s" + figures(logs));
        out.flush();
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs, History history) {
        double seconds = (System.nanoTime() - epochStart) / 1e9;
        String time = Math.round(seconds) + "s " + Math.round(seconds * 1000 / batches) + "ms/step";
        String line = verbose == 1
                ? counter(batches, batches) + " " + bar(batches, batches) + " - " + time
                : counter(batches, batches) + " - " + Math.round(seconds) + "s";
        if (verbose == 1) redraw(line + figures(logs)); else out.print(line + figures(logs));
        out.print("\n");
        lastLength = 0;
        out.flush();
    }

    /** Back to the start of the line; spaces wipe what a longer previous line left behind. */
    private void redraw(String line) {
        out.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
        lastLength = line.length();
    }

    static String counter(int batch, int batches) {
        String total = Integer.toString(batches);
        return " ".repeat(total.length() - Integer.toString(batch).length()) + batch + "/" + total;
    }

    /** [=====>........]: '=' for batches done, '>' at the current one. */
    static String bar(int batch, int batches) {
        int filled = (int) ((long) WIDTH * batch / batches);
        if (batch >= batches) return "[" + "=".repeat(WIDTH) + "]";
        return "[" + "=".repeat(Math.max(filled - 1, 0)) + ">" + ".".repeat(WIDTH - Math.max(filled, 1)) + "]";
    }

    static String figures(Map<String, Double> logs) {
        StringBuilder b = new StringBuilder();
        logs.forEach((k, v) -> b.append(" - ").append(k).append(": ").append(String.format(java.util.Locale.ROOT, "%.4f", v)));
        return b.toString();
    }
}
