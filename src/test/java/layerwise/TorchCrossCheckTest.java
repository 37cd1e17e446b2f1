package layerwise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import layerwise.layers.Conv2D;
import layerwise.layers.Dense;
import layerwise.layers.Flatten;
import layerwise.layers.Layer;
import layerwise.layers.MaxPooling2D;
import layerwise.layers.Param;
import layerwise.model.Sequential;
import layerwise.ndarray.NDArray;
import layerwise.train.Loss;
import layerwise.train.Losses;

/**
 * Same weights, same inputs: Layerwise and PyTorch must agree on outputs, loss and every gradient to
 * 1e-4 (relative to max(1, the largest magnitude)). The data go through files to
 * src/test/python/crosscheck_torch.py, which prints the differences. Skipped only when torch is missing.
 * The full-size seed-000 model (78.7 M weights) runs with {@code -Dcrosscheck.full=true}.
 */
class TorchCrossCheckTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3"), SCRIPT = Path.of("src/test/python/crosscheck_torch.py");

    @BeforeAll
    static void requireTorch() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(PYTHON), "no /usr/bin/python3");
        Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import torch, numpy").redirectErrorStream(true).start();
        Assumptions.assumeTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, "PyTorch is not installed");
    }

    private static Sequential chain(long[] inputShape, Layer... layers) {
        var m = new Sequential();
        m.add(new layerwise.layers.Input(inputShape));
        for (Layer l : layers) m.add(l);
        m.initialize(17);
        return m;
    }

    @Test
    void denseConvAndPoolingAgreeWithPyTorch(@TempDir Path dir) throws Exception {
        List<Map<String, Object>> cases = new ArrayList<>();
        cases.add(write(dir, "dense_relu", chain(new long[] {7}, new Dense(5).activation("relu")), NDArray.normal(1, 4, 7), "mse"));
        cases.add(write(dir, "dense_3d_tanh", chain(new long[] {3, 6}, new Dense(4).activation("tanh")), NDArray.normal(2, 2, 3, 6), "mse"));
        cases.add(write(dir, "conv2d_valid_relu", chain(new long[] {9, 8, 3}, new Conv2D(4, 3).activation("relu")), NDArray.normal(3, 2, 9, 8, 3), "mse"));
        cases.add(write(dir, "conv2d_same", chain(new long[] {7, 7, 2}, new Conv2D(3, 3).padding("same")), NDArray.normal(4, 2, 7, 7, 2), "mse"));
        cases.add(write(dir, "conv2d_strides2_5x3", chain(new long[] {11, 9, 2}, new Conv2D(3, 5).kernelSize(5, 3).strides(2)), NDArray.normal(5, 2, 11, 9, 2), "mse"));
        cases.add(write(dir, "conv2d_dilation2", chain(new long[] {9, 9, 2}, new Conv2D(2, 3).dilationRate(2)), NDArray.normal(6, 2, 9, 9, 2), "mse"));
        cases.add(write(dir, "maxpooling2d", chain(new long[] {6, 8, 3}, new MaxPooling2D(2)), NDArray.normal(7, 2, 6, 8, 3), "mse"));
        cases.add(write(dir, "maxpooling2d_3s2", chain(new long[] {7, 7, 2}, new MaxPooling2D(3).strides(2)), NDArray.normal(8, 2, 7, 7, 2), "mse"));
        cases.add(write(dir, "seed000_small", seed000(24), NDArray.random(9, 8, 24, 24, 3), "categorical_crossentropy"));
        assertAgree(dir, cases);
    }

    @Test
    void fullSizeSeed000ModelAgreesWithPyTorch(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("crosscheck.full"), "run with -Dcrosscheck.full=true (78.7 M weights, ~2 GB of files)");
        assertAgree(dir, List.of(write(dir, "seed000_full", seed000(100), NDArray.random(9, 32, 100, 100, 3), "categorical_crossentropy")));
    }

    /** Seed 000 with Flatten: Conv2D(32, 3×3, relu) → Flatten → Dense(256, relu) → Dense(10, softmax), on size×size×3. */
    private static Sequential seed000(int size) {
        return chain(new long[] {size, size, 3}, new Conv2D(32, 3).activation("relu"), new Flatten(),
                new Dense(256).activation("relu"), new Dense(10).activation("softmax"));
    }

    private static void assertAgree(Path dir, List<Map<String, Object>> cases) throws Exception {
        Files.writeString(dir.resolve("manifest.json"), new Gson().toJson(Map.of("cases", cases)));
        Process p = new ProcessBuilder(PYTHON.toString(), SCRIPT.toString(), dir.toString()).redirectErrorStream(true).start();
        String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(600, TimeUnit.SECONDS), "the cross-check script did not finish");
        System.out.print(printed);
        JsonObject results = JsonParser.parseString(Files.readString(dir.resolve("results.json"))).getAsJsonObject();
        for (Map<String, Object> c : cases) {
            JsonObject diffs = results.getAsJsonObject((String) c.get("name"));
            for (String key : diffs.keySet()) {
                double rel = diffs.getAsJsonObject(key).get("relative").getAsDouble();
                assertTrue(rel <= 1e-4, c.get("name") + " " + key + " differs from PyTorch by " + rel + "\n" + printed);
            }
        }
        assertEquals(0, p.exitValue(), printed);
    }

    /** Runs Layerwise forward and backward, and writes inputs, weights and its results for the script. */
    private static Map<String, Object> write(Path dir, String name, Sequential model, NDArray x, String lossName) throws IOException {
        NDArray out = model.forward(x, true);
        NDArray target = lossName.equals("mse") ? NDArray.normal(99, out.dims())
                : NDArray.toCategorical(NDArray.randint(98, out.dim(-1), x.dim(0)), out.dim(-1));
        Loss loss = Losses.get(lossName);
        double value;
        NDArray dx;
        if (lossName.equals("mse")) {
            value = loss.value(out, target);
            dx = model.backward(loss.gradient(out, target));
        } else {
            NDArray z = model.outputLayer().savedLogits();
            value = loss.valueFromLogits(z, target);
            dx = model.backwardFromLogits(loss.gradientFromLogits(z, target));
        }
        Map<String, int[]> arrays = new LinkedHashMap<>(), results = new LinkedHashMap<>();
        List<String> weights = new ArrayList<>();
        List<Map<String, Object>> layers = new ArrayList<>();
        save(dir, name + ".x", x, arrays, "x");
        save(dir, name + ".target", target, arrays, "target");
        save(dir, name + ".java.y", out, results, "y");
        save(dir, name + ".java.loss", NDArray.of((float) value), results, "loss");
        save(dir, name + ".java.dx", dx, results, "dx");
        int w = 0;
        for (Layer l : model.layers()) {
            Map<String, Object> op = describe(l);
            for (Param p : l.params()) {
                String id = "w" + w++;
                op.put(p.name(), id);
                weights.add(id);
                save(dir, name + "." + id, p.value(), arrays, id);
                save(dir, name + ".java.d" + id, p.grad(), results, "d" + id);
            }
            layers.add(op);
        }
        return Map.of("name", name, "arrays", arrays, "weights", weights, "layers", layers, "loss", lossName, "results", results);
    }

    private static Map<String, Object> describe(Layer l) {
        Map<String, Object> op = new LinkedHashMap<>();
        if (l instanceof Dense d) {
            op.put("op", "dense");
            op.put("activation", d.activation());
        } else if (l instanceof Conv2D c) {
            op.put("op", "conv2d");
            op.put("activation", c.activation());
            op.put("strides", c.strides());
            op.put("dilation", c.dilationRate());
            op.put("padding", c.padding());
        } else if (l instanceof MaxPooling2D p) {
            op.put("op", "maxpool2d");
            op.put("pool", p.poolSize());
            op.put("strides", p.stridesOrDefault());
        } else if (l instanceof Flatten) {
            op.put("op", "flatten");
        } else {
            throw new IllegalArgumentException("no PyTorch counterpart written for " + l);
        }
        return op;
    }

    private static void save(Path dir, String file, NDArray a, Map<String, int[]> index, String key) throws IOException {
        float[] d = a.data();
        ByteBuffer buf = ByteBuffer.allocate(d.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        buf.asFloatBuffer().put(d);
        Files.write(dir.resolve(file + ".f32"), buf.array());
        index.put(key, a.dims());
    }
}
