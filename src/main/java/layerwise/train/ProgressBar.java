package layerwise.train;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * fit's progress in words ({@link ProgressLines} lays them out): with verbose 1 a bar for the epoch under
 * way, redrawn after each batch, and for every finished epoch its figures, kept:
 * <pre>
 * Epoch  3/10  32/32  loss: 0.4213  accuracy: 0.8700  1s 31ms/step
 *         validation  loss: 0.5120  accuracy: 0.8500
 * Epoch  4/10  12/32  [====>..........]  ETA: 3s  loss: 0.3900  accuracy: 0.8800
 * </pre>
 * With verbose 2 only the finished lines. Where the words go is a {@link Sink}: a terminal, or the
 * notebook kernel's one output that updates in place.
 */
public final class ProgressBar implements FitListener {
    /** Where the progress goes. */
    public interface Sink {
        /** The line of the batch under way; it replaces the one before. */
        void running(String line);

        /** A finished epoch's lines; they stay, and the running line is gone. */
        void finished(List<String> lines);
    }

    private final Sink sink;
    private final int verbose;
    /** False for evaluate, whose one line has no "Epoch 1/1". */
    private final boolean epochHeader;
    private long epochStart;
    private int epochs = 1, batches = 1;

    public ProgressBar(Sink sink, int verbose) { this(sink, verbose, true); }

    /** To a stream: the bar is redrawn with "\r" only when the program runs in a terminal; else the finished lines alone. */
    public ProgressBar(PrintStream out, int verbose) { this(out, verbose, true); }

    ProgressBar(PrintStream out, int verbose, boolean epochHeader) { this(printed(out, System.console() != null), verbose, epochHeader); }

    ProgressBar(Sink sink, int verbose, boolean epochHeader) {
        this.sink = sink;
        this.verbose = verbose;
        this.epochHeader = epochHeader;
    }

    @Override
    public void onTrainBegin(int epochs, int batchesPerEpoch, int samples) {
        this.epochs = epochs;
        batches = Math.max(batchesPerEpoch, 1);
    }

    @Override
    public void onEpochBegin(int epoch, int epochs) { epochStart = System.nanoTime(); }

    @Override
    public void onBatchEnd(int epoch, int batch, int batches, Map<String, Double> logs) {
        if (verbose != 1 || batch == batches) return;
        double elapsed = (System.nanoTime() - epochStart) / 1e9;
        long eta = Math.round(elapsed / batch * (batches - batch));
        sink.running(ProgressLines.running(head(epoch, batch), batch, batches, eta, logs));
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs, History history) {
        double seconds = (System.nanoTime() - epochStart) / 1e9;
        sink.finished(ProgressLines.finished(head(epoch, batches), logs, ProgressLines.time(seconds, batches)));
    }

    private String head(int epoch, int batch) {
        return epochHeader ? ProgressLines.head(epoch, epochs, batch, batches) : ProgressLines.count(batch, batches);
    }

    /**
     * Lines printed to a stream. With {@code redraw}, the running line is drawn over with "\r" (spaces wipe
     * what a longer line left behind); without, only finished lines are printed, so a file or a pipe gets
     * no control characters.
     */
    static Sink printed(PrintStream out, boolean redraw) {
        return new Sink() {
            private int shown;

            @Override
            public void running(String line) {
                if (!redraw) return;
                out.print("\r" + line + " ".repeat(Math.max(0, shown - line.length())));
                shown = line.length();
                out.flush();
            }

            @Override
            public void finished(List<String> lines) {
                for (String line : lines) {
                    out.print(shown > 0 ? "\r" + line + " ".repeat(Math.max(0, shown - line.length())) + "\n" : line + "\n");
                    shown = 0;
                }
                out.flush();
            }
        };
    }
}
