package layerwise.layers;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;

import layerwise.ndarray.NDArray;

/**
 * Runs {@code src/test/resources/torch/layers_reference.py} with /usr/bin/python3 on one case and
 * returns PyTorch's numbers. Tests using it are skipped when PyTorch is not installed (.ci/setup
 * installs it).
 */
final class TorchReference {
    private static final Path SCRIPT = Path.of("src", "test", "resources", "torch", "layers_reference.py");
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    private final Map<String, Object> inputs = new LinkedHashMap<>();

    TorchReference(String kind) { inputs.put("kind", kind); }

    TorchReference with(String key, Object value) {
        inputs.put(key, value instanceof NDArray a ? a.toFloatArray() : value);
        return this;
    }

    /** PyTorch's result: each entry a flat list of numbers. */
    Map<String, float[]> run() {
        assumeTrue(Files.isExecutable(PYTHON) && hasTorch(), "PyTorch is not installed; run .ci/setup");
        try {
            Process p = new ProcessBuilder(PYTHON.toString(), SCRIPT.toString()).redirectErrorStream(false).start();
            p.getOutputStream().write(new Gson().toJson(inputs).getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) throw new AssertionError("PyTorch reference failed:\n" + err);
            Map<String, double[]> raw = new Gson().fromJson(out, new TypeToken<Map<String, double[]>>() {}.getType());
            Map<String, float[]> result = new LinkedHashMap<>();
            raw.forEach((k, v) -> {
                float[] f = new float[v.length];
                for (int i = 0; i < v.length; i++) f[i] = (float) v[i];
                result.put(k, f);
            });
            return result;
        } catch (IOException e) {
            throw new AssertionError("could not run " + PYTHON, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static Boolean torch;

    private static synchronized boolean hasTorch() {
        if (torch == null) {
            try {
                Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import torch").start();
                torch = p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0;
            } catch (IOException | InterruptedException e) {
                torch = false;
            }
        }
        return torch;
    }
}
