package layerwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import layerwise.layers.Names;
import layerwise.model.Model;
import layerwise.ndarray.NDArray;

/** The commands with .keras files: train --save writes one, train and summary read one. */
class KerasFileCommandsTest {
    private final CommandLine cli = new CommandLine();
    @TempDir Path dir;

    @BeforeEach
    void freshNames() { Names.reset(); }

    private int run(String... args) { return cli.run(args); }

    private int train(String model, String lr, String save) {
        return run("train", model, "--data", "iris", "--loss", "sparse_categorical_crossentropy", "--optimizer", "sgd",
                "--lr", lr, "--epochs", "1", "--batch-size", "16", "--seed", "3", "--format", "json", "--save", save);
    }

    @Test
    void trainSavesTheTrainedModelAsAKerasFile() {
        Path saved = dir.resolve("iris.keras");
        assertEquals(0, train("models/iris_mlp.json", "0.1", saved.toString()), cli.err());
        Model trained = Model.load(saved.toString());
        Model fresh = Model.load("models/iris_mlp.json");
        fresh.initialize(3);
        assertTrue(differ(fresh.getWeights(), trained.getWeights()), "the saved weights are the trained ones, not the seed's");
    }

    @Test
    void trainingAKerasFileStartsFromItsSavedWeights() {
        Path first = dir.resolve("first.keras"), second = dir.resolve("second.keras");
        assertEquals(0, train("models/iris_mlp.json", "0.1", first.toString()), cli.err());
        // a learning rate of 1e-12 leaves the weights as they were loaded
        assertEquals(0, train(first.toString(), "1e-12", second.toString()), cli.err());
        List<NDArray> a = Model.load(first.toString()).getWeights(), b = Model.load(second.toString()).getWeights();
        for (int i = 0; i < a.size(); i++) {
            float[] x = a.get(i).toFloatArray(), y = b.get(i).toFloatArray();
            for (int j = 0; j < x.length; j++) assertEquals(x[j], y[j], 1e-6, "weight " + i + "[" + j + "]");
        }
    }

    @Test
    void saveNeedsAKerasFileNameAndIsCheckedBeforeTraining() {
        assertEquals(2, train("models/iris_mlp.json", "0.1", dir.resolve("iris.h5").toString()));
        assertTrue(cli.err().contains("--save needs a file name ending in .keras"), cli.err());
        assertEquals("", cli.out(), "nothing was trained");
    }

    @Test
    void summaryReadsAKerasFile() {
        Path saved = dir.resolve("iris.keras");
        Model.load("models/iris_mlp.json").save(saved.toString());
        assertEquals(0, run("summary", saved.toString()), cli.err());
        assertTrue(cli.out().contains("Total params:"), cli.out());
    }

    @Test
    void traceRunsTheSavedWeightsOfAKerasFile() {
        Path saved = dir.resolve("iris.keras");
        assertEquals(0, train("models/iris_mlp.json", "0.1", saved.toString()), cli.err());
        cli.clearOut();
        assertEquals(0, run("trace", saved.toString(), "--data", "iris", "--sample", "0"), cli.err());
        assertTrue(cli.out().startsWith("Sample 0 of iris (label 0), trained weights from iris.keras"), cli.out());
    }

    private static boolean differ(List<NDArray> a, List<NDArray> b) {
        for (int i = 0; i < a.size(); i++) {
            float[] x = a.get(i).toFloatArray(), y = b.get(i).toFloatArray();
            for (int j = 0; j < x.length; j++) if (x[j] != y[j]) return true;
        }
        return false;
    }
}
