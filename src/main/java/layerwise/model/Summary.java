package layerwise.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.GsonBuilder;

import layerwise.explain.Derivation;
import layerwise.layers.InputLayer;
import layerwise.layers.SymbolicTensor;
import layerwise.ndarray.Shape;

/**
 * The rows of {@code model.summary()}: one per layer with its name, type, output shape and number of
 * parameters, and the totals. Prints in the tf.keras 2 layout, and also as JSON for tools.
 */
public final class Summary {

    /** One layer's row. {@code connectedTo} lists its inputs as Keras writes them: conv2d[0][0]. */
    public record Row(String name, String type, String outputShape, Shape output, List<Shape> inputs,
                      long params, long trainableParams, long macs, List<String> connectedTo) {
        public String label() { return name + " (" + type + ")"; }
    }

    private final String modelName;
    private final boolean sequentialLike;
    private final List<Row> rows;

    Summary(String modelName, boolean sequentialLike, List<Row> rows) {
        this.modelName = modelName;
        this.sequentialLike = sequentialLike;
        this.rows = List.copyOf(rows);
    }

    static Summary of(Model model) {
        if (model instanceof Sequential s) s.requireBuilt();
        List<Row> rows = new ArrayList<>();
        boolean showInputs = !(model instanceof Sequential);
        for (SymbolicTensor t : model.nodes()) {
            boolean isInput = t.layer() instanceof InputLayer;
            if (isInput && !showInputs) continue;
            Derivation d = t.derivation();
            long trainable = t.layer().trainable() ? d.trainableParams() : 0;
            String shape = isInput ? "[" + t.shape().withBatch() + "]" : t.shape().withBatch();
            List<String> connected = t.inputs().stream().map(i -> i.layer().name() + "[0][0]").toList();
            rows.add(new Row(t.layer().name(), t.layer().type(), shape, t.shape(), d.inputs(), d.params(), trainable, d.macs(), connected));
        }
        return new Summary(model.name(), model.isSequentialLike(), rows);
    }

    public String modelName() { return modelName; }
    public List<Row> rows() { return rows; }
    public long totalParams() { return rows.stream().mapToLong(Row::params).reduce(0, Math::addExact); }
    public long trainableParams() { return rows.stream().mapToLong(Row::trainableParams).reduce(0, Math::addExact); }
    public long nonTrainableParams() { return totalParams() - trainableParams(); }

    /** The tf.keras 2 text: 65 columns for a chain of layers, 98 with "Connected to" for a graph. */
    public String toText() {
        int width = sequentialLike ? 65 : 98;
        int[] positions = sequentialLike ? new int[] {29, 55, 65} : new int[] {32, 53, 65, 98};
        StringBuilder out = new StringBuilder("Model: \"" + modelName + "\"\n");
        out.append("_".repeat(width)).append('\n');
        out.append(sequentialLike ? row(positions, "Layer (type)", "Output Shape", "Param #")
                                  : row(positions, "Layer (type)", "Output Shape", "Param #", "Connected to"));
        out.append("=".repeat(width)).append('\n');
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            if (sequentialLike) {
                out.append(row(positions, r.label(), r.outputShape(), Long.toString(r.params())));
            } else {
                List<String> links = r.connectedTo();
                out.append(row(positions, r.label(), r.outputShape(), Long.toString(r.params()), links.isEmpty() ? "" : links.get(0)));
                for (int j = 1; j < links.size(); j++) out.append(row(positions, "", "", "", links.get(j)));
            }
            out.append((i == rows.size() - 1 ? "=" : "_").repeat(width)).append('\n');
        }
        out.append(String.format("Total params: %,d%n", totalParams()));
        out.append(String.format("Trainable params: %,d%n", trainableParams()));
        out.append(String.format("Non-trainable params: %,d%n", nonTrainableParams()));
        out.append("_".repeat(width)).append('\n');
        return out.toString();
    }

    /** Keras's print_row: each field cut at its column's end, the last character of a full field replaced by a space. */
    private static String row(int[] positions, String... fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) line.setCharAt(line.length() - 1, ' ');
            line.append(fields[i]);
            if (line.length() > positions[i]) line.setLength(positions[i]);
            while (line.length() < positions[i]) line.append(' ');
        }
        return line.append('\n').toString();
    }

    /** {"name", "layers":[{"name","type","output_shape":[null,148,148,16],"params":448}], totals}. */
    public String toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("name", modelName);
        List<Map<String, Object>> layers = new ArrayList<>();
        for (Row r : rows) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("name", r.name());
            l.put("type", r.type());
            List<Long> shape = new ArrayList<>();
            shape.add(null);
            for (long d : r.output().dims()) shape.add(d == Shape.NONE ? null : d);
            l.put("output_shape", shape);
            l.put("params", r.params());
            layers.add(l);
        }
        root.put("layers", layers);
        root.put("total_params", totalParams());
        root.put("trainable_params", trainableParams());
        root.put("non_trainable_params", nonTrainableParams());
        return new GsonBuilder().serializeNulls().setPrettyPrinting().create().toJson(root) + "\n";
    }

    @Override public String toString() { return toText(); }
}
