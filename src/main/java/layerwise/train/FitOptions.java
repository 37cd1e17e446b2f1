package layerwise.train;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import layerwise.ndarray.NDArray;

/**
 * fit's optional settings, Keras's keyword arguments: {@code new FitOptions().validationSplit(0.2).seed(1).verbose(2)}.
 * Defaults as Keras: shuffle each epoch, verbose 1 (a progress bar), no validation; the seed (0)
 * fixes the shuffling and, for a model without weights yet, the initial weights.
 */
public final class FitOptions {
    double validationSplit;
    NDArray validationX, validationY;
    boolean shuffle = true;
    long seed;
    int verbose = 1;
    PrintStream out = System.out;
    final List<FitListener> listeners = new ArrayList<>();
    private static final List<Supplier<FitListener>> DEFAULT_LISTENERS = new CopyOnWriteArrayList<>();

    public FitOptions() {
        DEFAULT_LISTENERS.forEach(factory -> listeners.add(factory.get()));
    }

    /** A listener every later fit gets, without asking: the notebook kernel adds its live loss chart so. */
    public static void addDefaultListener(Supplier<FitListener> factory) { DEFAULT_LISTENERS.add(factory); }

    /** Keeps the last fraction of the samples (taken before shuffling, as Keras does) for validation. */
    public FitOptions validationSplit(double fraction) {
        if (!(fraction >= 0 && fraction < 1)) throw new IllegalArgumentException("validationSplit must be in [0, 1), got " + fraction);
        validationSplit = fraction;
        return this;
    }

    public FitOptions validationData(NDArray x, NDArray y) { validationX = x; validationY = y; return this; }
    public FitOptions shuffle(boolean s) { shuffle = s; return this; }
    public FitOptions seed(long s) { seed = s; return this; }
    /** 0 silent, 1 a progress bar redrawn in place, 2 one line per epoch. */
    public FitOptions verbose(int v) { verbose = v; return this; }
    /** Where the progress goes (System.out by default). */
    public FitOptions out(PrintStream p) { out = p; return this; }
    public FitOptions listener(FitListener l) { listeners.add(l); return this; }
}
