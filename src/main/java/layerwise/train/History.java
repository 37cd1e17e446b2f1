package layerwise.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The figures of every epoch of a fit, as Keras's {@code history.history}: {@code get("loss")} is the
 * loss of epoch 1, 2, …. layerwise.chart turns it into a line chart or a table.
 */
public final class History {
    private final List<Map<String, Double>> epochs = new ArrayList<>();

    void add(Map<String, Double> logs) { epochs.add(Collections.unmodifiableMap(new LinkedHashMap<>(logs))); }

    /** How many epochs have run. */
    public int epochs() { return epochs.size(); }

    /** The names of the figures, in Keras's order: loss, the metrics as compiled, then val_loss and the val_ metrics. */
    public List<String> keys() {
        Set<String> keys = new LinkedHashSet<>();
        epochs.forEach(e -> keys.addAll(e.keySet()));
        return List.copyOf(keys);
    }

    /** One figure per epoch; NaN where an epoch did not have it. */
    public double[] get(String key) {
        return epochs.stream().mapToDouble(e -> e.getOrDefault(key, Double.NaN)).toArray();
    }

    /** The figures of one epoch, numbered from 1. */
    public Map<String, Double> epoch(int number) { return epochs.get(number - 1); }

    /** Keras's history.history: each figure's list over the epochs. */
    public Map<String, List<Double>> asMap() {
        Map<String, List<Double>> m = new LinkedHashMap<>();
        for (String k : keys()) {
            List<Double> values = new ArrayList<>();
            for (double v : get(k)) values.add(v);
            m.put(k, values);
        }
        return m;
    }

    /** A plain table, one row per epoch. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(String.format("%-6s", "epoch"));
        List<String> keys = keys();
        for (String k : keys) b.append(String.format("%14s", k));
        for (int i = 0; i < epochs.size(); i++) {
            b.append('\n').append(String.format("%-6d", i + 1));
            for (String k : keys) b.append(String.format("%14.4f", epochs.get(i).getOrDefault(k, Double.NaN)));
        }
        return b.toString();
    }
}
