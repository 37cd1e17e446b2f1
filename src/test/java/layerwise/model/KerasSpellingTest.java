package layerwise.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import layerwise.data.Datasets;
import layerwise.data.Split;
import layerwise.error.NnException;
import layerwise.layers.Dense;
import layerwise.layers.Input;
import layerwise.layers.Names;
import layerwise.ndarray.NDArray;
import layerwise.train.FitOptions;
import layerwise.train.History;
import layerwise.train.Optimizers;

/** Keras's spelling on Model: compile with names, fit in Keras's positional order, evaluate, predict, getLayer. */
class KerasSpellingTest {
    @BeforeEach
    void freshNames() {
        Names.reset();
    }

    private static Sequential irisMlp() {
        var m = new Sequential();
        m.add(new Dense(16).activation("relu").inputShape(4));
        m.add(new Dense(3).activation("softmax"));
        return m;
    }

    @Test
    void optimizerNamesGetKerasDefaultLearningRates() {
        assertEquals(0.01, Optimizers.get("sgd").learningRate());
        assertEquals(0.001, Optimizers.get("adam").learningRate());
        assertEquals(0.001, Optimizers.get("rmsprop").learningRate());
        assertEquals(0.001, Optimizers.get("Adagrad").learningRate());
        assertEquals(0.001, Optimizers.get("adamw").learningRate());
    }

    @Test
    void unknownOptimizerNameSuggestsTheClosest() {
        var m = irisMlp();
        var e = assertThrows(NnException.class, () -> m.compile("adma", "mse"));
        assertTrue(e.getMessage().contains("did you mean 'adam'?"), e.getMessage());
    }

    @Test
    void compileWithNamesThenFitInKerasOrderLearns() {
        Split s = Datasets.iris().split(0.2, 1);
        var m = irisMlp();
        m.compile("adam", "sparse_categorical_crossentropy", "accuracy");
        History h = m.fit(s.xTrain(), s.yTrain(), 8, 40, new FitOptions().verbose(0).seed(2));
        assertEquals(40, h.epochs());
        assertEquals(List.of("loss", "accuracy"), h.keys());
        assertTrue(h.get("loss")[39] < h.get("loss")[0] / 2, h.toString());   // Adam's default 0.001 halves it
    }

    @Test
    void evaluatePrintsKerasLineAndReturnsLossThenMetrics() {
        Split s = Datasets.iris().split(0.2, 1);
        var m = irisMlp();
        m.compile("sgd", "sparse_categorical_crossentropy", "accuracy");
        var bytes = new ByteArrayOutputStream();
        PrintStream before = System.out;
        Map<String, Double> r;
        try {
            System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            r = m.evaluate(s.xTest(), s.yTest());   // 30 samples: one batch of 32
        } finally {
            System.setOut(before);
        }
        assertEquals(List.of("loss", "accuracy"), List.copyOf(r.keySet()));
        String line = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(line.matches("1/1  loss: \\d\\.\\d{4}  accuracy: \\d\\.\\d{4}  \\d+s \\d+ms/step\n"), line);
    }

    @Test
    void predictGivesOneRowPerSample() {
        var m = irisMlp();
        NDArray p = m.predict(Datasets.iris().x());
        assertEquals(List.of(150, 3), List.of(p.dim(0), p.dim(1)));
    }

    @Test
    void getLayerByNameAndByIndex() {
        var m = irisMlp();
        assertSame(m.layers().get(1), m.getLayer("dense_1"));
        assertSame(m.layers().get(0), m.getLayer(0));
        assertEquals(16 * 4 + 16 + 3 * 16 + 3, m.countParams());
    }

    @Test
    void getLayerWithAnUnknownNameListsTheLayers() {
        var e = assertThrows(NnException.class, () -> irisMlp().getLayer("dense_2"));
        assertTrue(e.getMessage().startsWith("No such layer: dense_2. Existing layers are: [dense, dense_1]."), e.getMessage());
    }

    @Test
    void functionalModelTrainsWithTheSameSpelling() {
        var in = new Input(4);
        var m = new Model(in, new Dense(3).activation("softmax").apply(new Dense(8).activation("relu").apply(in)));
        m.compile("adam", "sparse_categorical_crossentropy", "accuracy");
        History h = m.fit(Datasets.iris().x(), Datasets.iris().y(), new FitOptions().batchSize(16).epochs(2).verbose(0));
        assertEquals(2, h.epochs());
        assertSame(m.layers().get(0), m.getLayer("input_1"));
    }

    @Test
    void aModelPrintsItselfOnOneLineSoJShellEchoesNoTable() {
        var m = irisMlp();
        assertEquals("Sequential \"sequential\": 2 layers, 131 params, (None, 4) -> (None, 3)", m.toString());
        assertFalse(new Sequential().toString().contains("\n"));
    }
}
