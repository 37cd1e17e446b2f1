package layerwise.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import layerwise.examples.SeedModels;
import layerwise.layers.Names;
import layerwise.ndarray.Shape;

/** Reading the JSON of tf.keras 2 and Keras 3 files written by hand after their formats, and writing it back. */
class KerasJsonTest {
    static final Path DIR = Path.of("src", "test", "resources", "keras");

    @BeforeEach
    void freshNames() {
        Names.reset();
    }

    private static List<Long> params(Model m) {
        return m.summaryTable().rows().stream().map(Summary.Row::params).toList();
    }

    @Test
    void readsTf2FunctionalSeed003WithTheQuestionsNumbersAndNames() {
        Model m = KerasJson.read(DIR.resolve("tf2/seed003_functional.json"));
        // input 0; 3·3·3·16+16 = 448; 0; 3·3·16·32+32 = 4640; 0; 3·3·32·64+64 = 18496; 0; 0; 18496·512+512; 512+1
        assertEquals(List.of(0L, 448L, 0L, 4640L, 0L, 18496L, 0L, 0L, 9470464L, 513L), params(m));
        assertEquals("model_1", m.name());
        assertEquals("conv2d_4", m.summaryTable().rows().get(1).name());
        assertEquals(Shape.of(1), m.outputShape());
    }

    @Test
    void readsTf2SequentialWithItsInputLayerEntry() {
        Model m = KerasJson.read(DIR.resolve("tf2/seed001_sequential.json"));
        assertEquals(List.of(2172L, 1090L, 66L), params(m)); // 3·3·20·12+12, 3·3·12·10+10, 10·6+6
        assertEquals("sequential_1", m.name());
        assertEquals(Shape.of(15, 15, 20), m.inputShape());
    }

    @Test
    void readsOldSequentialWhoseConfigIsTheBareListOfLayers() {
        Model m = KerasJson.read(DIR.resolve("tf2/sequential_list_config.json"));
        assertEquals(List.of(3140L, 50L), params(m)); // 784·4+4, 4·10+10
        assertEquals("dense_7", m.layers().get(0).name());
    }

    @Test
    void readsATf2LayerWhoseSecondCallReadsItsFirst() {
        // dense's inbound_nodes: call 0 on input_1, call 1 on ["dense", 0, 0]; the output is ["dense", 1, 0].
        // One Dense(1) on 1 feature: 1×1 + 1 = 2 params, counted once.
        Model m = KerasJson.read(DIR.resolve("tf2/dense_on_itself.json"));
        assertEquals(List.of(0L, 2L), params(m));
        assertEquals(List.of("input_1[0][0]", "dense[0][0]"), m.summaryTable().rows().get(1).connectedTo());
    }

    @Test
    void readsKeras3FunctionalWithKerasHistoryNodes() {
        Model m = KerasJson.read(DIR.resolve("keras3/seed003_functional.json"));
        assertEquals(List.of(0L, 448L, 0L, 4640L, 0L, 18496L, 0L, 0L, 9470464L, 513L), params(m));
        assertEquals("functional", m.name());
        assertEquals("input_layer", m.inputs().get(0).layer().name());
    }

    @Test
    void readsKeras3SequentialWithBatchShape() {
        Model m = KerasJson.read(DIR.resolve("keras3/seed002_sequential.json"));
        assertEquals(List.of(8L, 50L), params(m)); // 1·4+4 on the last axis of (784, 1), 4·10+10
        assertEquals(Shape.of(784, 10), m.outputShape());
    }

    @Test
    void readsASequentialBuiltWithBuildInsteadOfAnInput() {
        Model m = KerasJson.read(DIR.resolve("keras3/sequential_built_without_input.json"));
        assertEquals(List.of(116L, 50L), params(m)); // 28·4+4 on the last axis of (32, 28), 4·10+10
        assertEquals(Shape.of(32, 10), m.outputShape());
    }

    @Test
    void readsTheConfigJsonInsideAKerasArchive(@TempDir Path tmp) throws IOException {
        Path archive = tmp.resolve("model.keras");
        try (OutputStream out = Files.newOutputStream(archive); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("metadata.json"));
            zip.write("{\"keras_version\": \"3.3.3\"}".getBytes());
            zip.putNextEntry(new ZipEntry("config.json"));
            zip.write(Files.readAllBytes(DIR.resolve("keras3/seed003_functional.json")));
        }
        assertEquals(9_494_561L, KerasJson.read(archive).countParams()); // 448+4640+18496+9470464+513
    }

    @Test
    void writingThenReadingGivesTheSameSummary() {
        for (String file : List.of("tf2/seed003_functional.json", "tf2/seed001_sequential.json", "keras3/seed002_sequential.json")) {
            Model first = KerasJson.read(DIR.resolve(file));
            Model again = KerasJson.read(first.toJson());
            assertEquals(first.summaryTable().toText(), again.summaryTable().toText(), file);
        }
    }

    @Test
    void seedModelsBuiltInJavaSurviveTheRoundTrip() {
        for (Model m : List.of(SeedModels.convThenDense(false), SeedModels.sameConvolutions(20, 15, 15), SeedModels.denseOn(32, 28, 1))) {
            assertEquals(m.summaryTable().toText(), KerasJson.read(m.toJson()).summaryTable().toText());
        }
    }

    @Test
    void writesFunctionalModelsInTheTf2Form() {
        JsonObject root = JsonParser.parseString(SeedModels.threeConvBlocks().toJson()).getAsJsonObject();
        assertEquals("Functional", root.get("class_name").getAsString());
        JsonObject conv = root.getAsJsonObject("config").getAsJsonArray("layers").get(1).getAsJsonObject();
        assertEquals("[[[\"input_1\",0,0,{}]]]", conv.get("inbound_nodes").toString());
        assertEquals("[[\"input_1\",0,0]]", root.getAsJsonObject("config").get("input_layers").toString());
        assertEquals("[3,3]", conv.getAsJsonObject("config").get("kernel_size").toString());
    }

    @Test
    void writesSequentialModelsWithTheirInputLayerFirst() {
        JsonObject root = JsonParser.parseString(SeedModels.sameConvolutions(15, 15, 20).toJson()).getAsJsonObject();
        JsonObject first = root.getAsJsonObject("config").getAsJsonArray("layers").get(0).getAsJsonObject();
        assertEquals("InputLayer", first.get("class_name").getAsString());
        assertEquals("conv2d_input", first.getAsJsonObject("config").get("name").getAsString());
        assertEquals("[null,15,15,20]", first.getAsJsonObject("config").get("batch_input_shape").toString());
    }

    @Test
    void aLayerThatCannotWorkKeepsTheRowsBeforeItAndMarksTheRest() {
        var e = assertThrows(IncompleteModelException.class, () -> KerasJson.read(DIR.resolve("errors/impossible_kernel.json")));
        Summary s = e.summary();
        // conv2d: 28−3+1 = 26, 3·3·1·16+16 = 160; pool: 13; conv2d_1 needs 20 ≤ 13: fails
        assertEquals(List.of(Summary.Status.OK, Summary.Status.OK, Summary.Status.OK, Summary.Status.FAILED,
                Summary.Status.UNKNOWN, Summary.Status.UNKNOWN), s.rows().stream().map(Summary.Row::status).toList());
        assertEquals(160, s.totalParams());
        assertTrue(e.getMessage().startsWith("One of the dimensions in the output is <= 0"), e.getMessage());
    }

    @Test
    void aModelThatFailsHalfWayPrintsItsTableUpToTheFailure() {
        var e = assertThrows(IncompleteModelException.class, () -> KerasJson.read(DIR.resolve("errors/impossible_kernel.json")));
        layerwise.Golden.assertMatches(getClass(), "incomplete_summary", e.summary().toText());
        layerwise.Golden.assertMatches(getClass(), "incomplete_explanation", e.explanation().toText());
    }
}
