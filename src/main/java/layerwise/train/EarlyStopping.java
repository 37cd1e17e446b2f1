package layerwise.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import layerwise.error.ConfigException;
import layerwise.error.Problem;
import layerwise.layers.Param;
import layerwise.layers.Trainable;

/**
 * Stops training once a figure has stopped improving, as Keras's
 * {@code EarlyStopping(monitor="val_loss", patience=3, restore_best_weights=True)}:
 * <pre>
 *   model.fit(x, y, new FitOptions().epochs(100).validationSplit(0.2).callbacks(new EarlyStopping("val_loss", 3, true)));
 * </pre>
 * After each epoch: better than the best so far (by more than minDelta) resets the count of waiting
 * epochs; otherwise, once {@code patience} epochs have passed without improving, training stops.
 * Losses and errors improve downwards, accuracy, precision and recall upwards. With
 * restoreBestWeights the weights of the best epoch are put back when training ends.
 */
public final class EarlyStopping implements FitListener {
    private final String monitor;
    private final int patience;
    private final boolean restoreBestWeights;
    private double minDelta;
    private int verbose;
    private Trainable model;
    private int wait, stoppedEpoch, bestEpoch;
    private double best;
    private List<float[]> bestWeights;
    private boolean stop, warned;

    /** Keras's defaults: monitor "val_loss", patience 0, weights of the last epoch kept. */
    public EarlyStopping() { this("val_loss", 0, false); }

    public EarlyStopping(String monitor, int patience) { this(monitor, patience, false); }

    public EarlyStopping(String monitor, int patience, boolean restoreBestWeights) {
        this.monitor = monitor;
        this.patience = patience;
        this.restoreBestWeights = restoreBestWeights;
        this.best = higherIsBetter() ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }

    /** The smallest change that counts as an improvement. */
    public EarlyStopping minDelta(double d) { minDelta = Math.abs(d); return this; }

    /** 1 prints "Epoch 7: early stopping" and which epoch's weights were restored, as Keras does. */
    public EarlyStopping verbose(int v) { verbose = v; return this; }

    /** The epoch (from 1) after which training stopped, or 0 if it ran all its epochs. */
    public int stoppedEpoch() { return stoppedEpoch; }

    /** The epoch (from 1) with the best value of the monitored figure. */
    public int bestEpoch() { return bestEpoch; }

    @Override public void setModel(Trainable model) { this.model = model; }

    @Override
    public void onTrainBegin(int epochs, int batchesPerEpoch, int samples) {
        wait = 0;
        stoppedEpoch = 0;
        bestEpoch = 0;
        bestWeights = null;
        stop = false;
        best = higherIsBetter() ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs, History history) {
        Double current = logs.get(monitor);
        if (current == null) {
            warnMissing(logs);
            return;
        }
        if (restoreBestWeights && bestWeights == null) keepWeights(epoch);
        wait++;
        if (higherIsBetter() ? current - minDelta > best : current + minDelta < best) {
            best = current;
            if (restoreBestWeights) keepWeights(epoch);
            bestEpoch = epoch;
            wait = 0;
            return;
        }
        if (wait >= patience && epoch > 1) {
            stoppedEpoch = epoch;
            stop = true;
        }
    }

    @Override
    public void onTrainEnd(History history) {
        if (stoppedEpoch > 0 && verbose > 0) System.out.println("Epoch " + stoppedEpoch + ": early stopping");
        if (restoreBestWeights && bestWeights != null) {
            if (verbose > 0) System.out.println("Restoring model weights from the end of the best epoch: " + bestEpoch + ".");
            List<Param> params = model.params();
            for (int i = 0; i < params.size(); i++) {
                float[] w = bestWeights.get(i);
                System.arraycopy(w, 0, params.get(i).value().data(), 0, w.length);
            }
        }
    }

    @Override public boolean stopTraining() { return stop; }

    private void keepWeights(int epoch) {
        bestWeights = new ArrayList<>();
        for (Param p : model.params()) bestWeights.add(p.value().data().clone());
        bestEpoch = epoch;
    }

    /** Losses and errors get better downwards; accuracy, precision and recall upwards. */
    private boolean higherIsBetter() {
        String name = monitor.startsWith("val_") ? monitor.substring(4) : monitor;
        if (name.equals("loss") || name.equals("mse") || name.equals("mae") || name.startsWith("mean_")) return false;
        if (name.contains("acc") || name.equals("precision") || name.equals("recall")) return true;
        throw new ConfigException(Problem.at("EarlyStopping")
                .headline("EarlyStopping callback received monitor=" + monitor + " but Keras isn't able to automatically determine"
                        + " whether that metric should be maximized or minimized.")
                .expected("a figure fit reports: loss, a compiled metric, or either with val_ in front")
                .got("monitor=\"" + monitor + "\"")
                .fix("monitor \"val_loss\" (lower is better) or \"val_accuracy\" (higher is better)"));
    }

    /** As Keras, a warning and no stopping when the figure is missing; said once per fit, with the fix. */
    private void warnMissing(Map<String, Double> logs) {
        if (warned) return;
        warned = true;
        System.out.println("WARNING: Early stopping conditioned on metric `" + monitor + "` which is not available. Available metrics are: "
                + String.join(",", logs.keySet()) + (monitor.startsWith("val_")
                ? ". Fix: give fit validation data, e.g. new FitOptions().validationSplit(0.2)."
                : ". Fix: add the metric to compile(…), or monitor one of those."));
    }
}
