package layerwise.layers;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
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
 * One case for {@code src/test/resources/torch/layers_reference.py}, which runs in a single
 * /usr/bin/python3 process shared by all cases (loading torch takes seconds), one JSON line each way.
 * Tests using it are skipped when PyTorch is not installed (.ci/setup installs it).
 */
final class TorchReference {
    private static final Path SCRIPT = Path.of("src", "test", "resources", "torch", "layers_reference.py");
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static Process python;
    private static PrintStream toPython;
    private static BufferedReader fromPython;

    private final Map<String, Object> inputs = new LinkedHashMap<>();

    TorchReference(String kind) { inputs.put("kind", kind); }

    TorchReference with(String key, Object value) {
        inputs.put(key, value instanceof NDArray a ? a.toFloatArray() : value);
        return this;
    }

    /** PyTorch's result: each entry a flat list of numbers. */
    Map<String, float[]> run() {
        assumeTrue(Files.isExecutable(PYTHON) && hasTorch(), "PyTorch is not installed; run .ci/setup");
        String answer = ask(new Gson().toJson(inputs));
        Map<String, double[]> raw = new Gson().fromJson(answer, new TypeToken<Map<String, double[]>>() {}.getType());
        Map<String, float[]> result = new LinkedHashMap<>();
        raw.forEach((k, v) -> {
            float[] f = new float[v.length];
            for (int i = 0; i < v.length; i++) f[i] = (float) v[i];
            result.put(k, f);
        });
        return result;
    }

    private static synchronized String ask(String line) {
        try {
            if (python == null || !python.isAlive()) {
                python = new ProcessBuilder(PYTHON.toString(), SCRIPT.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
                toPython = new PrintStream(python.getOutputStream(), true, StandardCharsets.UTF_8);
                fromPython = new BufferedReader(new InputStreamReader(python.getInputStream(), StandardCharsets.UTF_8));
            }
            toPython.println(line);
            String answer = fromPython.readLine();
            if (answer == null) throw new AssertionError("the PyTorch reference stopped (see its error above)");
            return answer;
        } catch (IOException e) {
            throw new AssertionError("could not run " + PYTHON, e);
        }
    }

    /** Ends the shared python process; called once the test class is done. */
    static synchronized void close() {
        if (python == null) return;
        toPython.close();
        python.destroy();
        python = null;
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
