package layerwise.train;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import layerwise.layers.Param;
import layerwise.layers.Trainable;
import layerwise.ndarray.NDArray;

/**
 * The training loop behind {@code model.compile(…)} and {@code model.fit(…)}: a network with an
 * optimizer, a loss and metrics. It trains anything {@link Trainable}. One training step: forward,
 * loss, backward (fused with the last softmax/sigmoid when the loss allows), then the optimizer's step
 * on every trainable weight. The model checks shapes before it calls in; this loop checks the numbers.
 */
public final class Trainer {
    private final Trainable net;
    private final Optimizer optimizer;
    private final Loss loss;
    private final List<Metric> metrics = new ArrayList<>();

    public Trainer(Trainable net, Optimizer optimizer, String loss, String... metrics) {
        this.net = net;
        this.optimizer = optimizer;
        this.loss = Losses.get(loss);
        for (String m : metrics) this.metrics.add(Metrics.get(m, this.loss));
    }

    public Loss loss() { return loss; }
    public Optimizer optimizer() { return optimizer; }
    public List<Metric> metrics() { return List.copyOf(metrics); }

    /**
     * The checks on the numbers before training or evaluating: as many targets as samples, and no NaN or
     * infinity in x or y (the first one is reported by index).
     */
    public void checkData(String where, NDArray x, NDArray y) {
        FitData.checkCardinality(x, y);
        FitData.checkFinite(where, "x", x);
        FitData.checkFinite(where, "y", y);
    }

    public History fit(NDArray x, NDArray y, FitOptions o) {
        checkData("fit", x, y);
        FitData data = FitData.split(x, y, o);
        List<FitListener> listeners = new ArrayList<>(o.listeners);
        FitListener progress = o.progress();
        if (progress != null) listeners.add(0, progress);
        int n = data.x().dim(0), batchSize = o.batchSize, epochs = o.epochs, batches = (n + batchSize - 1) / batchSize;
        for (FitListener l : listeners) l.setModel(net);
        for (FitListener l : listeners) l.onTrainBegin(epochs, batches, n);
        Random shuffler = new Random(o.seed);
        History history = new History();
        boolean stop = false;
        for (int epoch = 1; epoch <= epochs && !stop; epoch++) {
            for (FitListener l : listeners) l.onEpochBegin(epoch, epochs);
            int[] order = FitData.order(n, o.shuffle ? shuffler : null);
            Running run = new Running();
            for (int b = 0; b < batches && !stop; b++) {
                Interrupts.check();
                int[] idx = Arrays.copyOfRange(order, b * batchSize, Math.min(n, (b + 1) * batchSize));
                NDArray yb = data.y().take(idx);
                run.add(trainStep(data.x().take(idx), yb, run), yb);
                Map<String, Double> logs = run.logs();
                for (FitListener l : listeners) l.onBatchEnd(epoch, b + 1, batches, logs);
                stop = stopRequested(listeners);
            }
            Map<String, Double> logs = run.logs();
            if (data.validationX() != null) {
                evaluate(data.validationX(), data.validationY(), batchSize, 0, o.out).forEach((k, v) -> logs.put("val_" + k, v));
            }
            history.add(logs);
            for (FitListener l : listeners) l.onEpochEnd(epoch, logs, history);
            stop |= stopRequested(listeners);
        }
        for (FitListener l : listeners) l.onTrainEnd(history);
        return history;
    }

    /** Between batches: a callback (EarlyStopping, TerminateOnNaN) may ask to end training. */
    private static boolean stopRequested(List<FitListener> listeners) {
        for (FitListener l : listeners) if (l.stopTraining()) return true;
        return false;
    }

    /** forward, loss, backward, optimizer step; returns the batch's predictions. */
    private NDArray trainStep(NDArray xb, NDArray yb, Running run) {
        NDArray out = gradients(xb, yb, run);
        optimizer.step(net.params());
        return out;
    }

    /**
     * One real step on this batch, worked with its numbers: the loss, then for the first weight array of
     * each layer named in {@code labels} the weight with the largest gradient, the optimizer's formula
     * filled in, and what the step really left in it. The weights change, as in fit.
     */
    public StepExplanation explainStep(NDArray x, NDArray y, Map<Param, String> labels) {
        checkData("explainStep", x, y);
        Running run = new Running();
        gradients(x, y, run);
        List<StepExplanation.Weight> chosen = new ArrayList<>();
        for (Param p : net.params()) {
            if (!labels.containsKey(p)) continue;
            int i = largestGradient(p);
            chosen.add(new StepExplanation.Weight(labels.get(p), p, i, p.value().data()[i], p.grad().data()[i], optimizer.explainUpdate(p, i), Double.NaN));
        }
        optimizer.step(net.params());
        List<StepExplanation.Weight> done = chosen.stream().map(w -> new StepExplanation.Weight(w.label(), w.param(), w.index(), w.before(),
                w.gradient(), w.update(), w.param().value().data()[w.index()])).toList();
        String heading = "One training step on a batch of " + x.dim(0) + " samples with " + optimizer;
        return new StepExplanation(heading, loss.name(), run.logs().get("loss"), done);
    }

    private static int largestGradient(Param p) {
        float[] g = p.grad().data();
        int best = 0;
        for (int i = 1; i < g.length; i++) if (Math.abs(g[i]) > Math.abs(g[best])) best = i;
        return best;
    }

    /** forward, loss, backward: fills every weight's gradient and returns the batch's predictions. */
    private NDArray gradients(NDArray xb, NDArray yb, Running run) {
        NDArray out = net.forward(xb, true);
        if (loss.fusesWith(net.outputActivation())) {
            NDArray z = net.savedLogits();
            run.addLoss(loss.valueFromLogits(z, yb), xb.dim(0));
            net.backwardToWeights(loss.gradientFromLogits(z, yb), true);
        } else {
            run.addLoss(loss.value(out, yb), xb.dim(0));
            net.backwardToWeights(loss.gradient(out, yb), false);
        }
        return out;
    }

    /**
     * Loss and metrics on these samples, in inference mode, as Keras's evaluate; with verbose 1 prints
     * one line, {@code 4/4  loss: 0.3120  accuracy: 0.9000  0s 2ms/step}.
     */
    public Map<String, Double> evaluate(NDArray x, NDArray y, int batchSize, int verbose, PrintStream out) {
        checkData("evaluate", x, y);
        int n = x.dim(0), batches = (n + batchSize - 1) / batchSize;
        ProgressBar bar = verbose > 0 ? new ProgressBar(out, verbose, false) : null;
        if (bar != null) {
            bar.onTrainBegin(1, batches, n);
            bar.onEpochBegin(1, 1);
        }
        Running run = new Running();
        for (int i = 0; i < n; i += batchSize) {
            int end = Math.min(n, i + batchSize);
            NDArray xb = x.slice(i, end), yb = y.slice(i, end);
            NDArray pred = net.forward(xb, false);
            boolean fused = loss.fusesWith(net.outputActivation());
            run.addLoss(fused ? loss.valueFromLogits(net.savedLogits(), yb) : loss.value(pred, yb), end - i);
            run.add(pred, yb);
            if (bar != null) bar.onBatchEnd(1, i / batchSize + 1, batches, run.logs());
        }
        Map<String, Double> logs = run.logs();
        if (bar != null) bar.onEpochEnd(1, logs, null);
        return logs;
    }

    /** The loss as a sample-weighted running mean, and the metrics, started afresh for each epoch. */
    private final class Running {
        private double lossSum;
        private int lossCount;

        Running() { for (Metric m : metrics) m.reset(); }

        void addLoss(double v, int n) { lossSum += v * n; lossCount += n; }

        void add(NDArray pred, NDArray yTrue) { for (Metric m : metrics) m.update(pred, yTrue); }

        Map<String, Double> logs() {
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("loss", lossSum / Math.max(lossCount, 1));
            for (Metric metric : metrics) m.put(metric.name(), metric.result());
            return m;
        }
    }
}
