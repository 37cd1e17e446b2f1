package layerwise.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import layerwise.ndarray.NDArray;

/**
 * The data sets, by name. Every feature is scaled to [0, 1]:
 * <pre>
 *   Split s = Datasets.digits().reshape(8, 8, 1).split(0.2, 42);   // 1,438 training and 359 test images
 * </pre>
 * Attribution: resources layerwise/data/ATTRIBUTION.md (digits: Alpaydin &amp; Kaynak, UCI, CC BY 4.0;
 * Iris: Fisher 1936).
 */
public final class Datasets {
    private Datasets() {}

    /** 1,797 handwritten digits of 8×8 pixels as x (1797, 64), pixel/16, and labels 0..9. */
    public static Dataset digits() {
        List<float[]> rows = read("digits.csv.gz", true, false);
        return fromRows("digits", rows, 64, 10, v -> v / 16f, null);
    }

    /** 150 iris flowers: 4 measurements each, scaled per feature (x − min)/(max − min), and species 0..2. */
    public static Dataset iris() {
        List<float[]> rows = read("iris.csv", false, true);
        float[] min = new float[4], max = new float[4];
        java.util.Arrays.fill(min, Float.MAX_VALUE);
        java.util.Arrays.fill(max, -Float.MAX_VALUE);
        for (float[] r : rows) {
            for (int j = 0; j < 4; j++) { min[j] = Math.min(min[j], r[j]); max[j] = Math.max(max[j], r[j]); }
        }
        return fromRows("iris", rows, 4, 3, null, new float[][] {min, max});
    }

    /** Like the student questions' np.random.random((samples, …)) with random labels 0..classes−1. */
    public static Dataset random(int samples, int[] sampleShape, int classes, long seed) {
        int[] dims = new int[sampleShape.length + 1];
        dims[0] = samples;
        System.arraycopy(sampleShape, 0, dims, 1, sampleShape.length);
        return new Dataset("random", NDArray.random(seed, dims), NDArray.randint(seed + 1, classes, samples), classes);
    }

    private static Dataset fromRows(String name, List<float[]> rows, int features, int classes,
                                    java.util.function.Function<Float, Float> scale, float[][] minMax) {
        float[] x = new float[rows.size() * features], y = new float[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            float[] r = rows.get(i);
            for (int j = 0; j < features; j++) {
                x[i * features + j] = scale != null ? scale.apply(r[j]) : (r[j] - minMax[0][j]) / (minMax[1][j] - minMax[0][j]);
            }
            y[i] = r[features];
        }
        return new Dataset(name, NDArray.wrap(x, rows.size(), features), NDArray.wrap(y, rows.size()), classes);
    }

    private static List<float[]> read(String file, boolean gzip, boolean header) {
        try (InputStream raw = Datasets.class.getResourceAsStream("/layerwise/data/" + file)) {
            if (raw == null) throw new IOException("resource layerwise/data/" + file + " is missing from the jar");
            InputStream in = gzip ? new GZIPInputStream(raw) : raw;
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<float[]> rows = new ArrayList<>();
            if (header) r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank()) continue;
                String[] parts = line.split(",");
                float[] row = new float[parts.length];
                for (int j = 0; j < parts.length; j++) row[j] = Float.parseFloat(parts[j].trim());
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
