package layerwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import layerwise.layers.Names;

/** ./layerwise trace, explain --backward and explain --step, called as a student types them. */
class TrainingExplainedCommandsTest {
    private final CommandLine cli = new CommandLine();

    @BeforeEach
    void freshNames() { Names.reset(); }

    private int run(String... args) { return cli.run(args); }

    @Test
    void traceShowsEveryLayersDerivedAndRealShape() {
        assertEquals(0, run("trace", "models/digits_cnn.json", "--data", "digits", "--sample", "5"));
        assertTrue(cli.out().startsWith("Sample 5 of digits (label 5)"), cli.out());
        assertEquals(6, cli.out().split("✓ as derived", -1).length - 1, cli.out());
        assertTrue(cli.out().contains("corner      channel 0, rows 0–2, cols 0–2:"), cli.out());
    }

    @Test
    void traceRefusesASampleOutsideTheData() {
        assertEquals(2, run("trace", "models/iris_mlp.json", "--data", "iris", "--sample", "150"));
        assertTrue(cli.err().contains("--sample must be from 0 to 149"));
    }

    @Test
    void explainBackwardPrintsTheGradientsInTheChosenFormat() {
        assertEquals(0, run("explain", "models/seed003_three_conv_blocks.json", "--backward", "--format", "markdown"));
        assertTrue(cli.out().contains("$\\frac{\\partial L}{\\partial K} = "), cli.out());
        assertTrue(cli.out().contains("\\left(3 \\times 3 \\times 3 \\times 16\\right)"), cli.out());
    }

    @Test
    void explainStepWorksOneRealStepWithTheChosenOptimizer() {
        assertEquals(0, run("explain", "models/iris_mlp.json", "--step", "--data", "iris", "--optimizer", "rmsprop", "--lr", "0.01", "--seed", "2"));
        assertTrue(cli.out().contains("with RMSprop(lr=0.01"), cli.out());
        assertEquals(2, cli.out().split("✓ as worked out", -1).length - 1, cli.out());
        assertFalse(cli.out().contains("✗"), cli.out());
    }

    @Test
    void diagramAndWindowPictureAreSavedAsSvg(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        assertEquals(0, run("diagram", "models/digits_cnn.json", "--output", dir.resolve("model.svg").toString()));
        assertEquals(0, run("explain", "models/digits_cnn.json", "--layer", "conv2d", "--picture", dir.resolve("conv.svg").toString()));
        assertTrue(java.nio.file.Files.readString(dir.resolve("model.svg")).contains("conv2d (Conv2D)"));
        assertTrue(java.nio.file.Files.readString(dir.resolve("conv.svg")).contains("padding &apos;same&apos;")
                || java.nio.file.Files.readString(dir.resolve("conv.svg")).contains("padding 'same'"));
    }
}
