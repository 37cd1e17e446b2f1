package layerwise.train;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import layerwise.error.ConfigException;
import layerwise.error.Problem;
import layerwise.layers.Options;
import layerwise.ndarray.NDArray;

/**
 * fit's optional settings, Keras's keyword arguments:
 * {@code new FitOptions().batchSize(32).epochs(10).validationSplit(0.2).callbacks(new EarlyStopping("val_loss", 3, true))}.
 * Defaults as Keras: batch size 32, 1 epoch, shuffle each epoch, verbose 1 (a progress bar), no
 * validation; the seed (0) fixes the shuffling and, for a model without weights yet, the initial weights.
 */
public final class FitOptions {
    int batchSize = 32, epochs = 1;
    double validationSplit;
    NDArray validationX, validationY;
    boolean shuffle = true;
    long seed;
    int verbose = 1;
    PrintStream out = System.out;
    final List<FitListener> listeners = new ArrayList<>();
    private static final List<Supplier<FitListener>> DEFAULT_LISTENERS = new CopyOnWriteArrayList<>();
    private static volatile IntFunction<FitListener> defaultDisplay;
    /** Shows the progress instead of printing it to {@link #out}; null to print. */
    private IntFunction<FitListener> display = defaultDisplay;

    public FitOptions() {
        DEFAULT_LISTENERS.forEach(factory -> listeners.add(factory.get()));
    }

    /** A listener every later fit gets, without asking (a course's own logger, say). */
    public static void addDefaultListener(Supplier<FitListener> factory) { DEFAULT_LISTENERS.add(factory); }

    /**
     * How every later fit shows its progress unless {@link #out} names a stream: the notebook kernel
     * gives each fit one output that updates in place. The function gets the verbose level and returns
     * the listener that shows it (or null to show nothing).
     */
    public static void setDefaultDisplay(IntFunction<FitListener> display) { defaultDisplay = display; }

    public FitOptions batchSize(int n) { batchSize = Options.positive("fit", "batch_size", n)[0]; return this; }
    public FitOptions epochs(int n) { epochs = Options.positive("fit", "epochs", n)[0]; return this; }

    /** Keeps the last fraction of the samples (taken before shuffling, as Keras does) for validation. */
    public FitOptions validationSplit(double fraction) {
        if (!(fraction >= 0 && fraction < 1)) {
            throw new ConfigException(Problem.at("fit")
                    .headline("`validation_split` must be a float between 0 and 1. Received: " + fraction)
                    .expected("0 ≤ validation_split < 1, the fraction of samples kept aside").got("validation_split = " + fraction)
                    .fix("use a fraction such as 0.2 (the last 20 % of the samples)"));
        }
        validationSplit = fraction;
        return this;
    }

    public FitOptions validationData(NDArray x, NDArray y) { validationX = x; validationY = y; return this; }
    public FitOptions shuffle(boolean s) { shuffle = s; return this; }
    public FitOptions seed(long s) { seed = s; return this; }
    /**
     * 0 silent (in a notebook too), 1 a bar for the epoch under way and a line per finished epoch, 2 only
     * the lines. The bar is redrawn in a terminal and in a notebook; printed to a file or a pipe, only the
     * lines are, so they carry no control characters.
     */
    public FitOptions verbose(int v) { verbose = v; return this; }
    /** Where the progress is printed (System.out by default; in a notebook, the fit's own output). */
    public FitOptions out(PrintStream p) { out = p; display = null; return this; }
    public FitOptions listener(FitListener l) { listeners.add(l); return this; }

    /** Keras's {@code callbacks=[…]}: EarlyStopping, TerminateOnNaN or any FitListener of your own. */
    public FitOptions callbacks(FitListener... callbacks) {
        listeners.addAll(List.of(callbacks));
        return this;
    }

    /** The same, from a list, as Keras's {@code callbacks=[early_stopping]}. */
    public FitOptions callbacks(List<? extends FitListener> callbacks) {
        listeners.addAll(callbacks);
        return this;
    }

    /** The listener that shows this fit's progress, or null when verbose is 0 and nothing shows it. */
    FitListener progress() {
        if (display != null) return display.apply(verbose);
        return verbose > 0 ? new ProgressBar(out, verbose) : null;
    }

    public int batchSize() { return batchSize; }
    public int epochs() { return epochs; }
    public long seed() { return seed; }
    public boolean hasValidation() { return validationX != null || validationSplit > 0; }
}
