package layerwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import layerwise.layers.Names;

/** The train command, called as an external check calls it. */
class TrainCommandTest {
    private final CommandLine cli = new CommandLine();

    @BeforeEach
    void freshNames() { Names.reset(); }

    private int run(String... args) { return cli.run(args); }

    @Test
    void jsonFormatPrintsOneObjectPerEpochThenTheTestAccuracy(@TempDir Path dir) throws Exception {
        Path chart = dir.resolve("loss.png");
        assertEquals(0, run("train", "models/iris_mlp.json", "--data", "iris", "--loss", "sparse_categorical_crossentropy",
                "--optimizer", "adam", "--lr", "0.05", "--epochs", "3", "--batch-size", "16", "--seed", "3",
                "--chart", chart.toString(), "--format", "json"), cli.err());
        String[] lines = cli.out().strip().split("\n");
        assertEquals(4, lines.length, cli.out());
        for (int e = 1; e <= 3; e++) {
            JsonObject o = JsonParser.parseString(lines[e - 1]).getAsJsonObject();
            assertEquals(e, o.get("epoch").getAsInt());
            assertTrue(o.has("loss") && o.has("accuracy") && o.has("val_loss") && o.has("val_accuracy"), lines[e - 1]);
        }
        double acc = JsonParser.parseString(lines[3]).getAsJsonObject().get("test_accuracy").getAsDouble();
        assertTrue(acc >= 0 && acc <= 1, lines[3]);
        assertNotNull(ImageIO.read(chart.toFile()));
    }

    @Test
    void sameSeedPrintsTheSameLosses() {
        String[] args = {"train", "models/iris_mlp.json", "--data", "random:60x4:3", "--loss", "categorical_crossentropy",
                "--optimizer", "sgd", "--epochs", "2", "--batch-size", "8", "--seed", "5", "--format", "json"};
        run(args);
        String first = cli.out();
        cli.clearOut();
        Names.reset();
        run(args);
        assertEquals(first, cli.out());
    }

    @Test
    void digitsReshapedToTheModelInputWhenTheSizesAgree() {
        assertEquals(0, run("train", "models/digits_cnn.json", "--data", "digits", "--loss", "categorical_crossentropy",
                "--optimizer", "adam", "--epochs", "1", "--batch-size", "64", "--format", "json"), cli.err());
        assertTrue(cli.out().contains("\"test_accuracy\""), cli.out());
    }

    @Test
    void dataThatCannotTakeTheModelInputShapeIsExplained() {
        assertEquals(1, run("train", "models/seed003_three_conv_blocks.json", "--data", "digits", "--loss", "binary_crossentropy",
                "--optimizer", "sgd", "--epochs", "1", "--batch-size", "32"));
        String e = cli.err();
        assertTrue(e.startsWith("cannot reshape the digits samples of 64 numbers into (150, 150, 3)"), e);
    }

    @Test
    void seed000WithoutFlattenStopsWithTheTargetErrorOnTheFullData() {
        assertEquals(1, run("train", "models/seed000_without_flatten.json", "--data", "random:20x100x100x3:10", "--loss", "categorical_crossentropy",
                "--optimizer", "sgd", "--epochs", "1", "--batch-size", "32"));
        String e = cli.err();
        assertTrue(e.startsWith("Error when checking target: expected dense_1 to have 4 dimensions, but got array with shape (20, 10)"), e);
        assertTrue(e.contains("Fix:      add Flatten() after conv2d"), e);
    }

    @Test
    void unknownOptimizerIsAUsageError() {
        assertEquals(2, run("train", "models/iris_mlp.json", "--data", "iris", "--optimizer", "lamb"));
        assertTrue(cli.err().startsWith("train: --optimizer must be one of sgd|adam|adamw|rmsprop|adagrad, got 'lamb'"));
    }

    @Test
    void negativeLearningRateIsRefusedWithTheFix() {
        assertEquals(1, run("train", "models/iris_mlp.json", "--data", "iris", "--loss", "sparse_categorical_crossentropy",
                "--optimizer", "adam", "--lr", "-1", "--epochs", "1"));
        String e = cli.err();
        assertTrue(e.startsWith("Invalid learning_rate: -1.0. The learning rate must be a positive number."), e);
        assertTrue(e.contains("Why:      a negative step moves the weights uphill, so the loss grows"), e);
        assertEquals("", cli.out(), "refused before training");
    }

    @Test
    void chartInAMissingFolderIsRefusedBeforeTraining() {
        assertEquals(1, run("train", "models/iris_mlp.json", "--data", "iris", "--loss", "sparse_categorical_crossentropy",
                "--epochs", "1", "--chart", "/no/such/dir/x.png"));
        String e = cli.err();
        assertTrue(e.startsWith("Cannot save the chart to /no/such/dir/x.png: the folder /no/such/dir does not exist."), e);
        assertTrue(e.contains("Fix:      create the folder first (mkdir -p /no/such/dir)"), e);
        assertEquals("", cli.out(), "refused before training");
    }
}
