package layerwise.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import layerwise.layers.Names;
import layerwise.model.KerasJson;
import layerwise.model.Model;

/**
 * The model files shipped under models/ for {@code ./layerwise summary models/…} are the seed models
 * written by Layerwise in the tf.keras 2 form. Regenerate with -Dgolden.update=true.
 */
class ExampleModelFilesTest {
    static final Path DIR = Path.of("models");

    static Map<String, Supplier<Model>> files() {
        Map<String, Supplier<Model>> m = new LinkedHashMap<>();
        m.put("seed000_conv_then_dense.json", () -> SeedModels.convThenDense(true));
        m.put("seed000_without_flatten.json", () -> SeedModels.convThenDense(false));
        m.put("seed001_same_convolutions.json", () -> SeedModels.sameConvolutions(15, 15, 20));
        m.put("seed002_dense_on_784x1.json", () -> SeedModels.denseOn(784, 1));
        m.put("seed003_three_conv_blocks.json", SeedModels::threeConvBlocks);
        return m;
    }

    @Test
    void shippedModelFilesAreTheSeedModelsAsWritten() throws IOException {
        for (var e : files().entrySet()) {
            Names.reset();
            String json = e.getValue().get().toJson();
            Path file = DIR.resolve(e.getKey());
            if (Boolean.getBoolean("golden.update")) Files.writeString(file, json, StandardCharsets.UTF_8);
            assertEquals(json, Files.readString(file, StandardCharsets.UTF_8), file.toString());
        }
    }

    @Test
    void shippedModelFilesLoadWithTheSeedNumbers() {
        Names.reset();
        // 448 + 4640 + 18496 + 9470464 + 513
        assertEquals(9_494_561L, KerasJson.read(DIR.resolve("seed003_three_conv_blocks.json")).countParams());
        // 2172 + 1090 + 66
        assertEquals(3_328L, KerasJson.read(DIR.resolve("seed001_same_convolutions.json")).countParams());
    }
}
