package layerwise.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import layerwise.layers.BatchNormalization;
import layerwise.layers.Bidirectional;
import layerwise.layers.Conv2D;
import layerwise.layers.Dense;
import layerwise.layers.Flatten;
import layerwise.layers.Input;
import layerwise.layers.LSTM;
import layerwise.layers.MultiHeadAttention;
import layerwise.layers.SymbolicTensor;
import layerwise.ndarray.NDArray;

/**
 * Keras 3 files as Python writes them, checked with Debian's h5py (no Keras needed):
 * src/test/python/write_keras3_fixtures.py writes .keras files exactly as Keras's saving_lib lays them
 * out, with known weights and the NumPy predictions; describe_h5.py shows how h5py sees a file
 * Layerwise wrote. Skipped when h5py is missing on a developer's machine, required in CI.
 */
class KerasH5pyTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Path FIXTURES = Path.of("src/test/python/write_keras3_fixtures.py"), DESCRIBE = Path.of("src/test/python/describe_h5.py");

    @TempDir static Path dir;

    @BeforeAll
    static void requireH5py() throws Exception {
        boolean present = Files.isExecutable(PYTHON) && run(PYTHON.toString(), "-c", "import h5py, numpy").exitCode == 0;
        if (!present && System.getenv("CI") != null) fail("h5py is missing in CI: .ci/setup installs python3-h5py");
        Assumptions.assumeTrue(present, "Skipped: /usr/bin/python3 has no h5py; install it with apt-get install python3-h5py (.ci/setup does)");
        Result r = run(PYTHON.toString(), FIXTURES.toString(), dir.toString());
        assertEquals(0, r.exitCode, r.output);
    }

    @Test
    void aKeras3CnnWithBatchNormalizationPredictsWhatNumPyPredicts() throws IOException {
        assertPredicts("cnn");
    }

    @Test
    void aKeras3FunctionalLstmReadsItsWeightsFromTheCell() throws IOException {
        assertPredicts("lstm");
    }

    @Test
    void aKeras3CausalSelfAttentionReadsItsFourProjectionsStoredUnderPrivateNames() throws IOException {
        assertPredicts("attention");
    }

    @Test
    void weightsFromKeras215NamedLayerCheckpointDependenciesLoadToo() throws IOException {
        Model m = Model.load(dir.resolve("lstm.keras").toString());
        m.initialize(1);
        m.loadWeights(dir.resolve("lstm_legacy.weights.h5").toString());
        assertClose(expected("lstm", "y"), m.predict(expected("lstm", "x")));
    }

    private static void assertPredicts(String name) throws IOException {
        Model m = Model.load(dir.resolve(name + ".keras").toString());
        assertClose(expected(name, "y"), m.predict(expected(name, "x")));
    }

    private static void assertClose(NDArray want, NDArray got) {
        assertArrayEquals(want.dims(), got.dims());
        float[] w = want.toFloatArray(), g = got.toFloatArray();
        for (int i = 0; i < w.length; i++) assertEquals(w[i], g[i], 1e-5, "prediction " + i);
    }

    private static NDArray expected(String name, String which) throws IOException {
        JsonObject o = JsonParser.parseString(Files.readString(dir.resolve(name + ".json"))).getAsJsonObject();
        JsonArray values = o.getAsJsonArray(which), shape = o.getAsJsonArray(which + "_shape");
        float[] v = new float[values.size()];
        for (int i = 0; i < v.length; i++) v[i] = values.get(i).getAsFloat();
        int[] dims = new int[shape.size()];
        for (int i = 0; i < dims.length; i++) dims[i] = shape.get(i).getAsInt();
        return NDArray.wrap(v, dims);
    }

    @Test
    void h5pySeesTheGroupsKerasSavingLibWrites() throws Exception {
        Input in = new Input(8, 8, 1);
        SymbolicTensor x = new Conv2D(2, 3).apply(in);
        x = new BatchNormalization().apply(x);
        x = new Conv2D(3, 3).apply(x);
        x = new Flatten().apply(x);
        Model m = new Model(in, new Dense(2).apply(x));
        Path file = dir.resolve("layout.keras");
        m.save(file.toString());
        List<String> entries = describe(file);
        assertEquals(List.of(
                "/ group",
                "layers group",
                "layers/batch_normalization group",
                "layers/batch_normalization/vars group",
                "layers/batch_normalization/vars/0 dataset [2] float32",
                "layers/batch_normalization/vars/1 dataset [2] float32",
                "layers/batch_normalization/vars/2 dataset [2] float32",
                "layers/batch_normalization/vars/3 dataset [2] float32",
                "layers/conv2d group",
                "layers/conv2d/vars group",
                "layers/conv2d/vars/0 dataset [3, 3, 1, 2] float32",
                "layers/conv2d/vars/1 dataset [2] float32",
                "layers/conv2d_1 group",
                "layers/conv2d_1/vars group",
                "layers/conv2d_1/vars/0 dataset [3, 3, 2, 3] float32",
                "layers/conv2d_1/vars/1 dataset [3] float32",
                "layers/dense group",
                "layers/dense/vars group",
                "layers/dense/vars/0 dataset [48, 2] float32",
                "layers/dense/vars/1 dataset [2] float32",
                "layers/flatten group",
                "layers/flatten/vars group",
                "layers/input_layer group",
                "layers/input_layer/vars group",
                "vars group"), entries);
    }

    @Test
    void h5pySeesTheRecurrentWeightsUnderEachDirectionsCell() throws Exception {
        Input in = new Input(5, 3);
        Model m = new Model(in, new Bidirectional(new LSTM(2)).apply(in));
        Path file = dir.resolve("bidirectional.weights.h5");
        m.saveWeights(file.toString());
        List<String> entries = describe(file);
        assertTrue(entries.contains("layers/bidirectional/forward_layer/cell/vars/0 dataset [3, 8] float32"), entries.toString());
        assertTrue(entries.contains("layers/bidirectional/backward_layer/cell/vars/1 dataset [2, 8] float32"), entries.toString());
        assertTrue(entries.contains("layers/bidirectional/backward_layer/cell/vars/2 dataset [8] float32"), entries.toString());
    }

    @Test
    void h5pySeesAttentionsProjectionsAsKerasNamesThem() throws Exception {
        Input in = new Input(5, 8);
        Model m = new Model(in, new MultiHeadAttention(2, 4).apply(in, in));
        Path file = dir.resolve("attention.weights.h5");
        m.saveWeights(file.toString());
        List<String> entries = describe(file);
        assertTrue(entries.contains("layers/multi_head_attention/query_dense/vars/0 dataset [8, 2, 4] float32"), entries.toString());
        assertTrue(entries.contains("layers/multi_head_attention/query_dense/vars/1 dataset [2, 4] float32"), entries.toString());
        assertTrue(entries.contains("layers/multi_head_attention/output_dense/vars/0 dataset [2, 4, 8] float32"), entries.toString());
        assertTrue(entries.contains("layers/multi_head_attention/output_dense/vars/1 dataset [8] float32"), entries.toString());
    }

    private static List<String> describe(Path file) throws Exception {
        Result r = run(PYTHON.toString(), DESCRIBE.toString(), file.toString());
        assertEquals(0, r.exitCode, r.output);
        List<String> out = new ArrayList<>();
        for (String line : r.output.strip().split("\n")) {
            JsonObject o = JsonParser.parseString(line).getAsJsonObject();
            String path = o.get("path").getAsString();
            String entry = (path.isEmpty() ? "/" : path) + " " + o.get("kind").getAsString();
            if (o.has("shape")) entry += " " + o.get("shape") .toString().replace(",", ", ") + " " + o.get("dtype").getAsString();
            out.add(entry);
        }
        return out;
    }

    private record Result(int exitCode, String output) {}

    private static Result run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) p.destroyForcibly();
        return new Result(p.exitValue(), output);
    }
}
