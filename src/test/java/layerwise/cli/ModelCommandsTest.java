package layerwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import layerwise.layers.Names;

/** The summary and explain commands, called as a user or an external check calls them. */
class ModelCommandsTest {
    private final CommandLine cli = new CommandLine();

    @BeforeEach
    void freshNames() {
        Names.reset();
    }

    private int run(String... args) { return cli.run(args); }

    @Test
    void summaryPrintsTheKerasTable() {
        assertEquals(0, run("summary", "models/seed003_three_conv_blocks.json"));
        assertTrue(cli.out().contains("conv2d (Conv2D)              (None, 148, 148, 16)      448"), cli.out());
        assertTrue(cli.out().contains("Total params: 9,494,561"), cli.out());
    }

    @Test
    void summaryJsonHasTheContractFields() {
        assertEquals(0, run("summary", "models/seed003_three_conv_blocks.json", "--format", "json"));
        JsonObject root = JsonParser.parseString(cli.out()).getAsJsonObject();
        JsonObject conv = root.getAsJsonArray("layers").get(1).getAsJsonObject();
        assertEquals("model", root.get("name").getAsString());
        assertEquals("conv2d", conv.get("name").getAsString());
        assertEquals("Conv2D", conv.get("type").getAsString());
        assertEquals("[null,148,148,16]", conv.get("output_shape").toString());
        assertEquals(448, conv.get("params").getAsLong());
        assertEquals(9_494_561L, root.get("total_params").getAsLong());
        assertEquals(9_494_561L, root.get("trainable_params").getAsLong());
        assertEquals(0, root.get("non_trainable_params").getAsLong());
    }

    @Test
    void anInvalidModelExitsWithOneAndExplainsOnStderr() {
        assertEquals(1, run("summary", "src/test/resources/keras/errors/impossible_kernel.json"));
        assertTrue(cli.err().contains("Got:      rows: O = (W − K + 2P)/S + 1 = (13 − 20 + 2·0)/1 + 1 = -6"), cli.err());
        assertTrue(cli.out().contains("conv2d_1 (Conv2D)            ?"), cli.out());
    }

    @Test
    void anUnknownLayerClassExitsWithOneAndMarksItsRow() {
        assertEquals(1, run("summary", "src/test/resources/keras/errors/unknown_layer.json", "--format", "json"));
        assertTrue(cli.err().startsWith("Unknown layer: 'Conv2d'."), cli.err());
        JsonObject root = JsonParser.parseString(cli.out()).getAsJsonObject();
        assertTrue(root.get("error").getAsString().startsWith("Unknown layer: 'Conv2d'."), cli.out());
        assertTrue(root.get("total_params").isJsonNull(), cli.out());
    }

    @Test
    void summaryWarnsAboutDenseAfterConvOnStderr() {
        assertEquals(0, run("summary", "models/seed000_without_flatten.json"));
        assertTrue(cli.err().startsWith("Warning: dense (Dense): it comes right after conv2d (Conv2D)"), cli.err());
    }

    @Test
    void summaryWithAllColumnsShowsMultAddsAndReceptiveField() {
        assertEquals(0, run("summary", "models/seed003_three_conv_blocks.json", "--columns", "all"));
        assertTrue(cli.out().contains("Receptive Field"), cli.out());
        assertTrue(cli.out().contains("Total mult-adds per sample: 64,128,256"), cli.out());
    }

    @Test
    void expandNestedListsTheLayersOfANestedModel() {
        assertEquals(0, run("summary", "src/test/resources/keras/tf2/nested_sequential.json", "--expand-nested"));
        assertTrue(cli.out().contains("features (Sequential)        (None, 1352)              80"), cli.out());
        assertTrue(cli.out().contains("  conv2d (Conv2D)            (None, 26, 26, 8)         80"), cli.out());
        assertTrue(cli.out().contains("Total params: 13,610"), cli.out());
    }

    @Test
    void explainPrintsTheWorkedFormulas() {
        assertEquals(0, run("explain", "models/seed003_three_conv_blocks.json"));
        assertTrue(cli.out().contains("O = (W − K + 2P)/S + 1 = (150 − 3 + 2·0)/1 + 1 = 148"), cli.out());
    }

    @Test
    void explainAsMarkdownUsesLatex() {
        assertEquals(0, run("explain", "models/seed003_three_conv_blocks.json", "--format", "markdown"));
        assertTrue(cli.out().startsWith("### Model: \"model\""), cli.out());
        assertTrue(cli.out().contains("$\\mathrm{params}") || cli.out().contains("$"), cli.out());
    }

    @Test
    void explainAsHtmlIsATable() {
        assertEquals(0, run("explain", "models/seed001_same_convolutions.json", "--format", "html"));
        assertTrue(cli.out().startsWith("<div class=\"layerwise-explanation\">"), cli.out());
    }

    @Test
    void aMissingFileIsAUsageError() {
        assertEquals(2, run("summary", "no/such/model.json"));
        assertTrue(cli.err().contains("no file 'no/such/model.json'"), cli.err());
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        assertEquals(2, run("explain", "models/seed001_same_convolutions.json", "--format", "pdf"));
        assertTrue(cli.err().contains("--format must be one of text|markdown|html, got 'pdf'"), cli.err());
    }
}
