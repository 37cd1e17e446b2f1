package layerwise.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import layerwise.data.Datasets;
import layerwise.data.Split;
import layerwise.error.ShapeException;
import layerwise.examples.SeedModels;
import layerwise.layers.Conv2D;
import layerwise.layers.Dense;
import layerwise.layers.Flatten;
import layerwise.layers.MaxPooling2D;
import layerwise.model.Model;
import layerwise.model.Sequential;
import layerwise.ndarray.NDArray;

class TrainerTest {
    static Sequential digitsCnn() {
        var m = new Sequential();
        m.add(new Conv2D(16, 3).activation("relu").padding("same").inputShape(8, 8, 1));
        m.add(new MaxPooling2D(2));
        m.add(new Conv2D(32, 3).activation("relu"));
        m.add(new Flatten());
        m.add(new Dense(64).activation("relu"));
        m.add(new Dense(10).activation("softmax"));
        return m;
    }

    static Sequential irisMlp() {
        var m = new Sequential();
        m.add(new Dense(16).activation("tanh").inputShape(4));
        m.add(new Dense(3).activation("softmax"));
        return m;
    }

    @Test
    void smallCnnOnDigitsReaches95PercentTestAccuracyIn15Epochs() {
        Split s = Datasets.digits().reshape(8, 8, 1).split(0.2, 42);
        Model t = digitsCnn();
        t.compile(new Adam(0.003), "categorical_crossentropy", "accuracy");
        t.fit(s.xTrain(), s.yTrainOneHot(), 32, 15, new FitOptions().verbose(0).seed(1));
        double acc = t.evaluate(s.xTest(), s.yTestOneHot()).get("accuracy");
        assertTrue(acc >= 0.95, "test accuracy " + acc);
    }

    @Test
    void lossFallsOnIris() {
        Split s = Datasets.iris().split(0.2, 1);
        Model t = irisMlp();
        t.compile(new SGD(0.1).momentum(0.9), "sparse_categorical_crossentropy", "accuracy");
        History h = t.fit(s.xTrain(), s.yTrain(), 16, 20, new FitOptions().verbose(0));
        double[] loss = h.get("loss");
        assertTrue(loss[19] < loss[0] / 2, "loss from " + loss[0] + " to " + loss[19]);
    }

    @Test
    void sameSeedGivesIdenticalLossCurves() {
        Split s = Datasets.iris().split(0.2, 1);
        double[][] curves = new double[2][];
        for (int run = 0; run < 2; run++) {
            Model t = irisMlp();
            t.compile(new Adam(0.01), "sparse_categorical_crossentropy");
            curves[run] = t.fit(s.xTrain(), s.yTrain(), 8, 5, new FitOptions().verbose(0).seed(7).validationSplit(0.2)).get("val_loss");
        }
        assertArrayEquals(curves[0], curves[1]);
    }

    @Test
    void historyHasOneEntryPerEpochWithValidationFigures() {
        Split s = Datasets.iris().split(0.2, 1);
        Model t = irisMlp();
        t.compile(new RMSprop(0.01), "sparse_categorical_crossentropy", "accuracy");
        History h = t.fit(s.xTrain(), s.yTrain(), 16, 3, new FitOptions().verbose(0).validationData(s.xTest(), s.yTest()));
        assertEquals(3, h.epochs());
        assertEquals(List.of("loss", "accuracy", "val_loss", "val_accuracy"), h.keys());
    }

    @Test
    void fitPrintsEachEpochAndItsValidationOnTwoLinesToAStream() {
        var bytes = new ByteArrayOutputStream();
        Split s = Datasets.iris().split(0.2, 1);
        Model t = irisMlp();
        t.compile(new Adagrad(0.1), "sparse_categorical_crossentropy", "accuracy");
        t.fit(s.xTrain(), s.yTrain(), 32, 2, new FitOptions().out(new PrintStream(bytes, true, StandardCharsets.UTF_8)).validationSplit(0.25));
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(4, lines.size(), lines.toString());
        assertTrue(lines.get(0).matches("Epoch 1/2  3/3  loss: \\d\\.\\d{4}  accuracy: \\d\\.\\d{4}  \\d+s \\d+ms/step"), lines.get(0));
        assertTrue(lines.get(1).matches(" {4}validation  loss: \\d\\.\\d{4}  accuracy: \\d\\.\\d{4}"), lines.get(1));
        assertTrue(lines.get(2).startsWith("Epoch 2/2  3/3  loss: "), lines.get(2));
    }

    @Test
    void listenerHearsEveryBatchAndEpoch() {
        List<String> heard = new ArrayList<>();
        FitListener l = new FitListener() {
            public void onBatchEnd(int epoch, int batch, int batches, Map<String, Double> logs) { heard.add(epoch + ":" + batch + "/" + batches); }
            public void onEpochEnd(int epoch, Map<String, Double> logs, History h) { heard.add("end " + epoch + " " + h.epochs()); }
        };
        Model t = irisMlp();
        t.compile(new SGD(0.1), "sparse_categorical_crossentropy");
        t.fit(Datasets.iris().x().slice(0, 20), Datasets.iris().y().slice(0, 20), 8, 2, new FitOptions().verbose(0).listener(l));
        assertEquals(List.of("1:1/3", "1:2/3", "1:3/3", "end 1 1", "2:1/3", "2:2/3", "2:3/3", "end 2 2"), heard);
    }

    @Test
    void seed000WithoutFlattenFailsBeforeTrainingWithTheExplainedError() {
        Model m = SeedModels.convThenDense(false);
        Model t = m;
        t.compile(new SGD(0.01).decay(1e-6).momentum(0.9).nesterov(true), "categorical_crossentropy");
        NDArray x = NDArray.random(1, 4, 100, 100, 3), y = NDArray.toCategorical(NDArray.randint(2, 10, 4), 10);
        var e = assertThrows(ShapeException.class, () -> t.fit(x, y, 32, 10));
        assertTrue(e.getMessage().startsWith("Error when checking target: expected dense_"), e.getMessage());
        assertTrue(e.fix().startsWith("add Flatten()"), e.fix());
    }

    @Test
    void sparseLossWithOneHotTargetsIsExplained() {
        Model t = irisMlp();
        t.compile(new SGD(0.1), "sparse_categorical_crossentropy");
        var e = assertThrows(ShapeException.class, () -> t.fit(NDArray.zeros(4, 4), NDArray.zeros(4, 3), 2, 1));
        assertEquals("these look one-hot: use categorical_crossentropy", e.fix());
    }

    @Test
    void predictGivesOneRowOfProbabilitiesPerSample() {
        Model t = irisMlp();
        t.compile(new SGD(0.1), "categorical_crossentropy", "accuracy");
        NDArray p = t.predict(Datasets.iris().x());
        assertArrayEquals(new int[] {150, 3}, p.dims());
        assertArrayEquals(NDArray.ones(150).toFloatArray(), p.sum(1).toFloatArray(), 1e-5f);
    }

    @Test
    void evaluateReportsTheLossAndTheAccuracyOfTheRightKind() {
        var iris = Datasets.iris();
        Model t = irisMlp();
        t.compile(new SGD(0.1), "sparse_categorical_crossentropy", "accuracy");
        Map<String, Double> r = t.evaluate(iris.x(), iris.y());
        NDArray guesses = t.predict(iris.x()).argmax(1);
        double correct = 0;
        for (int i = 0; i < 150; i++) if (guesses.get(i) == iris.y().get(i)) correct++;
        assertEquals(correct / 150, r.get("accuracy"), 1e-9);
        assertEquals(List.of("loss", "accuracy"), List.copyOf(r.keySet()));
    }

    @Test
    void sigmoidOutputWithBinaryCrossentropyLearnsAnEasyRule() {
        // label = 1 when the first feature is above 0.5
        NDArray x = NDArray.random(3, 200, 2), y = x.slice(1, 0, 1).map(v -> v > 0.5f ? 1f : 0f);
        var m = new Sequential();
        m.add(new Dense(1).activation("sigmoid").inputShape(2));
        Model t = m;
        t.compile(new Adam(0.05), "binary_crossentropy", "accuracy");
        t.fit(x, y, 20, 30, new FitOptions().verbose(0));
        assertTrue(t.evaluate(x, y).get("accuracy") > 0.9, t.evaluate(x, y).toString());
    }
}
