package layerwise.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import layerwise.error.ConfigException;
import layerwise.error.ShapeException;
import layerwise.layers.Add;
import layerwise.layers.BatchNormalization;
import layerwise.layers.Bidirectional;
import layerwise.layers.Concatenate;
import layerwise.layers.Conv2D;
import layerwise.layers.Dense;
import layerwise.layers.Flatten;
import layerwise.layers.GRU;
import layerwise.layers.Input;
import layerwise.layers.LSTM;
import layerwise.layers.LayerNormalization;
import layerwise.layers.MultiHeadAttention;
import layerwise.layers.MaxPooling2D;
import layerwise.layers.SymbolicTensor;
import layerwise.ndarray.NDArray;

/** .keras and .weights.h5 files written and read by Layerwise: round trips, Keras 3's config.json, explained refusals. */
class KerasFilesTest {
    @TempDir Path dir;

    private static Sequential cnn(int units) {
        Sequential m = new Sequential();
        m.add(new Input(8, 8, 1));
        m.add(new Conv2D(4, 3).activation("relu"));
        m.add(new BatchNormalization());
        m.add(new MaxPooling2D(2));
        m.add(new Flatten());
        m.add(new Dense(units).activation("softmax"));
        m.initialize(3);
        return m;
    }

    private static Model recurrent() {
        Input in = new Input(5, 3);
        SymbolicTensor x = new Bidirectional(new LSTM(4).returnSequences(true)).apply(in);
        x = new GRU(2).apply(x);
        Model m = new Model(in, new Dense(1).apply(x));
        m.initialize(5);
        return m;
    }

    private String path(String name) { return dir.resolve(name).toString(); }

    @Test
    void aSavedModelLoadsAndPredictsBitForBitTheSame() {
        Sequential m = cnn(3);
        m.forward(NDArray.normal(1L, 16, 8, 8, 1), true); // moves BatchNormalization's moving statistics off 0 and 1
        NDArray x = NDArray.normal(2L, 4, 8, 8, 1);
        m.save(path("cnn.keras"));
        Model back = Model.load(path("cnn.keras"));
        assertInstanceOf(Sequential.class, back);
        assertArrayEquals(m.predict(x).toFloatArray(), back.predict(x).toFloatArray());
    }

    @Test
    void recurrentAndBidirectionalModelsRoundTripBitForBit() {
        Model m = recurrent();
        NDArray x = NDArray.normal(3L, 2, 5, 3);
        m.save(path("rnn.keras"));
        assertArrayEquals(m.predict(x).toFloatArray(), Model.load(path("rnn.keras")).predict(x).toFloatArray());
    }

    @Test
    void aCausalAttentionBlockRoundTripsBitForBit() {
        Input in = new Input(5, 8);
        SymbolicTensor a = new MultiHeadAttention(2, 4).useCausalMask(true).apply(in, in);
        Model m = new Model(in, new LayerNormalization().apply(new Add().apply(in, a)));
        m.initialize(4);
        NDArray x = NDArray.normal(8L, 2, 5, 8);
        m.save(path("block.keras"));
        assertArrayEquals(m.predict(x).toFloatArray(), Model.load(path("block.keras")).predict(x).toFloatArray());
    }

    @Test
    void aNestedModelRoundTrips() {
        Sequential inner = new Sequential("block");
        inner.add(new Input(6));
        inner.add(new Dense(4).activation("relu"));
        Sequential outer = new Sequential("outer");
        outer.add(new Input(6));
        outer.add(inner);
        outer.add(new Dense(2));
        outer.initialize(9);
        NDArray x = NDArray.normal(4L, 3, 6);
        outer.save(path("nested.keras"));
        assertArrayEquals(outer.predict(x).toFloatArray(), Model.load(path("nested.keras")).predict(x).toFloatArray());
    }

    @Test
    void aTwoInputModelWithASharedLayerRoundTrips() {
        Input a = new Input(4), b = new Input(4);
        Dense shared = new Dense(3).activation("tanh");
        SymbolicTensor joined = new Concatenate().apply(shared.apply(a), shared.apply(b));
        Model m = new Model(List.of(a, b), List.of(new Dense(1).apply(joined)));
        m.initialize(8);
        m.save(path("siamese.keras"));
        Model back = Model.load(path("siamese.keras"));
        assertEquals(m.countParams(), back.countParams());
        assertEquals(m.getWeights().size(), back.getWeights().size());
        for (int i = 0; i < m.getWeights().size(); i++) {
            assertArrayEquals(m.getWeights().get(i).toFloatArray(), back.getWeights().get(i).toFloatArray(), "weight " + i);
        }
    }

    @Test
    void weightsAloneLoadIntoAFreshModelOfTheSameArchitecture() {
        Sequential trained = cnn(3);
        trained.saveWeights(path("cnn.weights.h5"));
        Sequential fresh = cnn(3);
        fresh.initialize(99);
        fresh.loadWeights(path("cnn.weights.h5"));
        NDArray x = NDArray.normal(5L, 2, 8, 8, 1);
        assertArrayEquals(trained.predict(x).toFloatArray(), fresh.predict(x).toFloatArray());
    }

    @Test
    void loadWeightsAlsoReadsTheWeightsOfAKerasFile() {
        Model m = recurrent();
        m.save(path("rnn.keras"));
        Model fresh = recurrent();
        fresh.initialize(1);
        fresh.loadWeights(path("rnn.keras"));
        NDArray x = NDArray.normal(6L, 1, 5, 3);
        assertArrayEquals(m.predict(x).toFloatArray(), fresh.predict(x).toFloatArray());
    }

    @Test
    void modelGetWeightsListsLayerAfterLayerAndSetWeightsPutsThemBack() {
        Sequential a = cnn(3), b = cnn(3);
        b.initialize(42);
        List<NDArray> w = a.getWeights();
        // conv2d kernel and bias, BatchNormalization's 4, dense kernel and bias
        assertEquals(8, w.size());
        assertArrayEquals(new int[] {3, 3, 1, 4}, w.get(0).dims());
        assertArrayEquals(new int[] {36, 3}, w.get(6).dims());
        b.setWeights(w);
        NDArray x = NDArray.normal(7L, 2, 8, 8, 1);
        assertArrayEquals(a.predict(x).toFloatArray(), b.predict(x).toFloatArray());
    }

    @Test
    void weightsSetOnOneLayerSurviveTheFirstPredictWhichCreatesTheOthers() {
        Sequential m = new Sequential();
        m.add(new Input(2));
        Dense first = new Dense(2);
        m.add(first);
        m.add(new Dense(1));
        first.setWeights(List.of(NDArray.of(new float[][] {{1, 2}, {3, 4}}), NDArray.of(5f, 6f)));
        m.predict(NDArray.ones(1, 2));
        assertArrayEquals(new float[] {1, 2, 3, 4}, first.getWeights().get(0).toFloatArray());
        assertArrayEquals(new float[] {5, 6}, first.getWeights().get(1).toFloatArray());
    }

    @Test
    void modelSetWeightsRefusesAWrongCountListingTheLayers() {
        ConfigException e = assertThrows(ConfigException.class, () -> cnn(3).setWeights(List.of(NDArray.zeros(3))));
        assertTrue(e.getMessage().startsWith("You called `set_weights(weights)` on model 'sequential"), e.getMessage());
        assertTrue(e.getMessage().contains("but the model was expecting 8 weights"), e.getMessage());
        assertTrue(e.getMessage().contains(": kernel (3, 3, 1, 4), "), e.getMessage());
    }

    @Test
    void theConfigJsonIsKeras3sSerialization() throws IOException {
        cnn(3).save(path("cnn.keras"));
        try (ZipFile zip = new ZipFile(dir.resolve("cnn.keras").toFile())) {
            assertEquals(List.of("metadata.json", "config.json", "model.weights.h5"), zip.stream().map(e -> e.getName()).toList());
            JsonObject root = JsonParser.parseString(new String(zip.getInputStream(zip.getEntry("config.json")).readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
            assertEquals("keras", root.get("module").getAsString());
            assertEquals("Sequential", root.get("class_name").getAsString());
            assertTrue(root.get("registered_name").isJsonNull());
            JsonObject input = root.getAsJsonObject("config").getAsJsonArray("layers").get(0).getAsJsonObject();
            assertEquals("[null,8,8,1]", input.getAsJsonObject("config").get("batch_shape").toString());
            JsonObject conv = root.getAsJsonObject("config").getAsJsonArray("layers").get(1).getAsJsonObject();
            assertEquals("keras.layers", conv.get("module").getAsString());
            assertEquals("[null,8,8,1]", conv.getAsJsonObject("build_config").get("input_shape").toString());
            assertEquals("DTypePolicy", conv.getAsJsonObject("config").getAsJsonObject("dtype").get("class_name").getAsString());
            JsonObject metadata = JsonParser.parseString(new String(zip.getInputStream(zip.getEntry("metadata.json")).readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
            assertTrue(metadata.get("keras_version").getAsString().startsWith("3."));
            assertTrue(metadata.get("date_saved").getAsString().matches("\\d{4}-\\d\\d-\\d\\d@\\d\\d:\\d\\d:\\d\\d"));
        }
    }

    @Test
    void recurrentLayersLoseTheSettingsKeras3Refuses() throws IOException {
        recurrent().save(path("rnn.keras"));
        try (ZipFile zip = new ZipFile(dir.resolve("rnn.keras").toFile())) {
            String config = new String(zip.getInputStream(zip.getEntry("config.json")).readAllBytes(), StandardCharsets.UTF_8);
            assertFalse(config.contains("time_major"), "Keras 3's LSTM and GRU refuse time_major");
            assertTrue(config.contains("\"keras_history\":[\"bidirectional\",0,0]"), config);
        }
    }

    @Test
    void modelLoadOfJsonGivesTheArchitectureWithFreshWeights() throws IOException {
        Files.writeString(dir.resolve("cnn.json"), cnn(3).toJson());
        Model m = Model.load(path("cnn.json"));
        assertEquals(cnn(3).countParams(), m.countParams());
    }

    @Test
    void loadingAMissingFileSaysWhereItLooked() {
        ConfigException e = assertThrows(ConfigException.class, () -> Model.load(path("nope.keras")));
        assertTrue(e.getMessage().startsWith("File not found: filepath=" + path("nope.keras")), e.getMessage());
        assertTrue(e.getMessage().contains("Got:      no file at that path"), e.getMessage());
    }

    @Test
    void savingNeedsTheKerasSuffixAsInKeras() {
        ConfigException e = assertThrows(ConfigException.class, () -> cnn(3).save(path("cnn.h5")));
        assertTrue(e.getMessage().startsWith("Invalid `filepath` argument: expected a `.keras` extension."), e.getMessage());
        ConfigException w = assertThrows(ConfigException.class, () -> cnn(3).saveWeights(path("cnn.h5")));
        assertTrue(w.getMessage().contains("expected a `.weights.h5` extension"), w.getMessage());
    }

    @Test
    void weightsOfOtherSizesAreRefusedNamingTheLayerThePathAndBothShapes() {
        cnn(3).saveWeights(path("cnn.weights.h5"));
        Sequential other = cnn(5);
        List<NDArray> before = other.getWeights();
        ShapeException e = assertThrows(ShapeException.class, () -> other.loadWeights(path("cnn.weights.h5")));
        String name = other.layers().get(4).name();
        assertEquals("""
                The shape of the target variable and the shape of the target value in `variable.assign(value)` must match. \
                variable.shape=(36, 5), Received: value.shape=(36, 3). Target variable: kernel (36, 5)
                  Layer:    %1$s (Dense), layers/dense/vars/0 in cnn.weights.h5
                  Expected: kernel (36, 5) of %1$s (Dense)
                  Got:      (36, 3) in layers/dense/vars/0
                  Why:      the weights were saved from a model with other sizes here (units, filters, kernel size, or the input before this layer)
                  Fix:      build the model exactly as the saved one, e.g. Model.load the .keras file instead of loading weights into a new model"""
                .formatted(name), e.getMessage());
        assertArrayEquals(before.get(0).toFloatArray(), other.getWeights().get(0).toFloatArray(), "nothing was loaded");
    }

    @Test
    void aModelWithALayerTheFileLacksIsRefused() {
        Sequential small = new Sequential();
        small.add(new Input(4));
        small.add(new Dense(2));
        small.saveWeights(path("small.weights.h5"));
        Sequential big = new Sequential();
        big.add(new Input(4));
        big.add(new Dense(2));
        big.add(new Dense(2));
        ConfigException e = assertThrows(ConfigException.class, () -> big.loadWeights(path("small.weights.h5")));
        assertTrue(e.getMessage().contains("the weights file has no group layers/dense_1/vars"), e.getMessage());
        assertTrue(e.getMessage().contains("Got:      groups for [dense]"), e.getMessage());
    }

    @Test
    void aFileWithMoreLayersThanTheModelIsRefused() {
        Sequential big = new Sequential();
        big.add(new Input(4));
        big.add(new Dense(2));
        big.add(new Dense(2));
        big.saveWeights(path("big.weights.h5"));
        Sequential small = new Sequential();
        small.add(new Input(4));
        small.add(new Dense(2));
        ConfigException e = assertThrows(ConfigException.class, () -> small.loadWeights(path("big.weights.h5")));
        assertTrue(e.getMessage().startsWith("The weights file big.weights.h5 holds weights for 1 layer(s) that this model does not have: [layers/dense_1/vars]"),
                e.getMessage());
    }

    @Test
    void aFileThatIsNotHdf5IsRefusedWithoutATrace() throws IOException {
        Files.writeString(dir.resolve("junk.weights.h5"), "not hdf5 at all");
        ConfigException e = assertThrows(ConfigException.class, () -> cnn(3).loadWeights(path("junk.weights.h5")));
        assertTrue(e.getMessage().startsWith("Could not read the weights in junk.weights.h5"), e.getMessage());
    }

    @Test
    void savingIntoAMissingFolderSaysSo() {
        ConfigException e = assertThrows(ConfigException.class, () -> cnn(3).save(path("no/such/m.keras")));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }
}
