package layerwise.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import layerwise.data.Datasets;
import layerwise.error.NnException;
import layerwise.layers.Dense;
import layerwise.layers.Names;
import layerwise.layers.Param;
import layerwise.layers.Trainable;
import layerwise.model.Sequential;
import layerwise.ndarray.NDArray;

/** EarlyStopping and TerminateOnNaN as Keras 3 runs them, driven epoch by epoch with figures chosen by hand. */
class CallbacksTest {
    @BeforeEach
    void freshNames() {
        Names.reset();
    }

    /** A network of one weight, whose value the test sets before each epoch. */
    private static final class OneWeight implements Trainable {
        final Param w = Param.of("w", NDArray.zeros(1));
        @Override public NDArray forward(NDArray x, boolean training) { return x; }
        @Override public void backwardToWeights(NDArray grad, boolean fromLogits) {}
        @Override public List<Param> params() { return List.of(w); }
        @Override public String outputActivation() { return "linear"; }
        @Override public NDArray savedLogits() { return null; }
    }

    /** Runs the callback over these epoch figures (epoch e has weight value e); returns the epochs run. */
    private static int run(FitListener callback, OneWeight net, String key, double... figures) {
        callback.setModel(net);
        callback.onTrainBegin(figures.length, 1, 1);
        History history = new History();
        int epoch = 0;
        while (epoch < figures.length && !callback.stopTraining()) {
            epoch++;
            net.w.value().data()[0] = epoch;
            Map<String, Double> logs = Map.of(key, figures[epoch - 1]);
            history.add(logs);
            callback.onEpochEnd(epoch, logs, history);
        }
        callback.onTrainEnd(history);
        return epoch;
    }

    @Test
    void stopsAfterPatienceEpochsWithoutImprovement() {
        var stop = new EarlyStopping("val_loss", 2);
        // best 0.8 at epoch 2; epochs 3 and 4 do not improve: wait reaches 2 at epoch 4
        assertEquals(4, run(stop, new OneWeight(), "val_loss", 1.0, 0.8, 0.9, 0.85, 0.7, 0.6));
        assertEquals(4, stop.stoppedEpoch());
        assertEquals(2, stop.bestEpoch());
    }

    @Test
    void patienceZeroStopsAtTheSecondEpochThatDoesNotImprove() {
        assertEquals(2, run(new EarlyStopping("loss", 0), new OneWeight(), "loss", 1.0, 1.0, 0.5));
    }

    @Test
    void accuracyIsBetterUpwards() {
        assertEquals(3, run(new EarlyStopping("val_accuracy", 1), new OneWeight(), "val_accuracy", 0.5, 0.7, 0.6, 0.9));
    }

    @Test
    void minDeltaIgnoresSmallImprovements() {
        assertEquals(3, run(new EarlyStopping("loss", 2).minDelta(0.1), new OneWeight(), "loss", 1.0, 0.95, 0.92, 0.5));
    }

    @Test
    void restoresTheWeightsOfTheBestEpoch() {
        OneWeight net = new OneWeight();
        run(new EarlyStopping("val_loss", 2, true), net, "val_loss", 1.0, 0.8, 0.9, 0.85, 0.7);
        assertArrayEquals(new float[] {2}, net.w.value().data());
    }

    @Test
    void withoutRestoreTheLastWeightsStay() {
        OneWeight net = new OneWeight();
        run(new EarlyStopping("val_loss", 2), net, "val_loss", 1.0, 0.8, 0.9, 0.85, 0.7);
        assertArrayEquals(new float[] {4}, net.w.value().data());
    }

    @Test
    void aMonitorOfUnknownDirectionIsRefused() {
        var e = assertThrows(NnException.class, () -> new EarlyStopping("val_f1", 3));
        assertTrue(e.getMessage().startsWith("EarlyStopping callback received monitor=val_f1"), e.getMessage());
    }

    @Test
    void terminateOnNaNStopsAtTheFirstInvalidLoss() {
        var nan = new TerminateOnNaN();
        nan.onTrainBegin(1, 3, 3);
        nan.onBatchEnd(1, 1, 3, Map.of("loss", 2.0));
        assertFalse(nan.stopTraining());
        nan.onBatchEnd(1, 2, 3, Map.of("loss", Double.POSITIVE_INFINITY));
        assertTrue(nan.stopTraining());
    }

    @Test
    void aCallbackThatStopsEndsFitAfterItsBatch() {
        var m = new Sequential();
        m.add(new Dense(3).activation("softmax").inputShape(4));
        m.compile("sgd", "sparse_categorical_crossentropy");
        FitListener stopAfterTwoBatches = new FitListener() {
            int batches;
            @Override public void onBatchEnd(int epoch, int batch, int n, Map<String, Double> logs) { batches++; }
            @Override public boolean stopTraining() { return batches >= 2; }
        };
        History h = m.fit(Datasets.iris().x(), Datasets.iris().y(), new FitOptions().batchSize(10).epochs(5).verbose(0)
                .callbacks(stopAfterTwoBatches));
        assertEquals(1, h.epochs());
    }

    @Test
    void earlyStoppingEndsARealFitWithValidation() {
        var m = new Sequential();
        m.add(new Dense(3).activation("softmax").inputShape(4));
        m.compile(new SGD(0.01), "sparse_categorical_crossentropy");
        var stop = new EarlyStopping("val_loss", 0, true);
        // a large min_delta: no epoch after the first counts as an improvement
        History h = m.fit(Datasets.iris().x(), Datasets.iris().y(), new FitOptions().epochs(20).verbose(0).validationSplit(0.2)
                .callbacks(stop.minDelta(10)));
        assertEquals(2, h.epochs());
        assertEquals(1, stop.bestEpoch());
    }
}
