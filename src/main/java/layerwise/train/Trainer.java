package layerwise.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import layerwise.error.ConfigException;
import layerwise.error.Problem;
import layerwise.layers.Layer;
import layerwise.model.Model;
import layerwise.ndarray.NDArray;

/**
 * A model compiled with an optimizer, a loss and metrics, which fits, evaluates and predicts as Keras's
 * compiled model does:
 * <pre>
 *   var trainer = Trainer.compile(model, new SGD(0.01).momentum(0.9).nesterov(true), "categorical_crossentropy", "accuracy");
 *   History history = trainer.fit(x, y, 32, 10);
 * </pre>
 * One training step: forward, loss, backward (fused with the last softmax/sigmoid when the loss
 * allows), then the optimizer's step on every trainable weight.
 */
public final class Trainer {
    private final Model model;
    private final Optimizer optimizer;
    private final Loss loss;
    private final boolean accuracy;

    private Trainer(Model model, Optimizer optimizer, Loss loss, boolean accuracy) {
        this.model = model;
        this.optimizer = optimizer;
        this.loss = loss;
        this.accuracy = accuracy;
    }

    /** Keras's model.compile(optimizer, loss, metrics); the only metric is "accuracy" (or "acc"). */
    public static Trainer compile(Model model, Optimizer optimizer, String loss, String... metrics) {
        boolean acc = false;
        for (String m : metrics) {
            if (!m.equals("accuracy") && !m.equals("acc")) {
                throw new ConfigException(Problem.at("compile")
                        .headline("Unknown metric function: '" + m + "'.")
                        .expected("\"accuracy\"").got("'" + m + "'")
                        .fix("use \"accuracy\"; the loss is always reported"));
            }
            acc = true;
        }
        return new Trainer(model, optimizer, Losses.get(loss), acc);
    }

    public Model model() { return model; }
    public Loss loss() { return loss; }
    public Optimizer optimizer() { return optimizer; }

    public History fit(NDArray x, NDArray y, int batchSize, int epochs) { return fit(x, y, batchSize, epochs, new FitOptions()); }

    public History fit(NDArray x, NDArray y, int batchSize, int epochs, FitOptions o) {
        model.checkTrainable();
        FitData.checkTarget(model, loss, x, y);
        FitData data = FitData.split(x, y, o);
        if (!model.isInitialized()) model.initialize(o.seed);
        List<FitListener> listeners = new ArrayList<>(o.listeners);
        if (o.verbose > 0) listeners.add(0, new ProgressBar(o.out, o.verbose));
        int n = data.x().dim(0), batches = (n + batchSize - 1) / batchSize;
        listeners.forEach(l -> l.onTrainBegin(epochs, batches, n));
        Random shuffler = new Random(o.seed);
        History history = new History();
        for (int epoch = 1; epoch <= epochs; epoch++) {
            int e = epoch;
            listeners.forEach(l -> l.onEpochBegin(e, epochs));
            int[] order = FitData.order(n, o.shuffle ? shuffler : null);
            Running run = new Running();
            for (int b = 0; b < batches; b++) {
                Interrupts.check();
                int[] idx = java.util.Arrays.copyOfRange(order, b * batchSize, Math.min(n, (b + 1) * batchSize));
                NDArray xb = data.x().take(idx), yb = data.y().take(idx);
                NDArray out = trainStep(xb, yb, run);
                if (accuracy) run.addAccuracy(metric(out).compute(out, yb, 0.5f), idx.length);
                int bb = b + 1;
                Map<String, Double> logs = run.logs(accuracy);
                listeners.forEach(l -> l.onBatchEnd(e, bb, batches, logs));
            }
            Map<String, Double> logs = run.logs(accuracy);
            if (data.validationX() != null) {
                evaluate(data.validationX(), data.validationY(), batchSize).forEach((k, v) -> logs.put("val_" + k, v));
            }
            history.add(logs);
            listeners.forEach(l -> l.onEpochEnd(e, logs, history));
        }
        listeners.forEach(l -> l.onTrainEnd(history));
        return history;
    }

    /**
     * What fit checks before the first step: as many targets as samples, shaped like the model's output
     * (class numbers for a sparse loss). A mismatch, such as seed 000's missing Flatten, is explained.
     */
    public void checkTarget(NDArray x, NDArray y) { FitData.checkTarget(model, loss, x, y); }

    /** forward, loss, backward, optimizer step; returns the batch's predictions. */
    private NDArray trainStep(NDArray xb, NDArray yb, Running run) {
        NDArray out = model.forward(xb, true);
        Layer last = model.outputLayer();
        if (loss.fusesWith(last.outputActivation())) {
            NDArray z = last.savedLogits();
            run.addLoss(loss.valueFromLogits(z, yb), xb.dim(0));
            model.backwardToWeights(loss.gradientFromLogits(z, yb), true);
        } else {
            run.addLoss(loss.value(out, yb), xb.dim(0));
            model.backwardToWeights(loss.gradient(out, yb), false);
        }
        optimizer.step(model.params());
        return out;
    }

    /** Loss (and accuracy) on these samples, in inference mode, as Keras's evaluate. */
    public Map<String, Double> evaluate(NDArray x, NDArray y) { return evaluate(x, y, 32); }

    public Map<String, Double> evaluate(NDArray x, NDArray y, int batchSize) {
        FitData.checkTarget(model, loss, x, y);
        Running run = new Running();
        for (int i = 0; i < x.dim(0); i += batchSize) {
            int end = Math.min(x.dim(0), i + batchSize);
            NDArray xb = x.slice(i, end), yb = y.slice(i, end);
            NDArray out = model.forward(xb, false);
            Layer last = model.outputLayer();
            boolean fused = loss.fusesWith(last.outputActivation());
            run.addLoss(fused ? loss.valueFromLogits(last.savedLogits(), yb) : loss.value(out, yb), end - i);
            if (accuracy) run.addAccuracy(metric(out).compute(out, yb, 0.5f), end - i);
        }
        return run.logs(accuracy);
    }

    public NDArray predict(NDArray x) { return model.predict(x); }

    private Metric metric(NDArray out) { return loss.accuracy(out.dim(-1)); }

    /** Sample-weighted running means of the batch figures, as Keras shows them during an epoch. */
    private static final class Running {
        private double loss, acc;
        private int lossCount, accCount;

        void addLoss(double v, int n) { loss += v * n; lossCount += n; }
        void addAccuracy(double v, int n) { acc += v * n; accCount += n; }

        Map<String, Double> logs(boolean withAccuracy) {
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("loss", loss / Math.max(lossCount, 1));
            if (withAccuracy) m.put("accuracy", acc / Math.max(accCount, 1));
            return m;
        }
    }
}
