package layerwise.model;

import java.util.List;

import layerwise.model.Summary.Row;
import layerwise.model.Summary.Status;

/**
 * Writes a {@link Summary} in the tf.keras 2 layout: 65 columns for a chain of layers, 98 with
 * "Connected to" for a graph. A failed layer's row shows "?" and the reason on the line below.
 */
final class KerasSummaryText {
    private KerasSummaryText() {}

    static String render(Summary s) {
        boolean chain = s.sequentialLike();
        int width = chain ? 65 : 98;
        int[] positions = chain ? new int[] {29, 55, 65} : new int[] {32, 53, 65, 98};
        StringBuilder out = new StringBuilder("Model: \"" + s.modelName() + "\"\n");
        out.append("_".repeat(width)).append('\n');
        out.append(chain ? row(positions, "Layer (type)", "Output Shape", "Param #")
                         : row(positions, "Layer (type)", "Output Shape", "Param #", "Connected to"));
        out.append("=".repeat(width)).append('\n');
        List<Row> rows = s.rows();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            String params = r.isKnown() ? Long.toString(r.params()) : "?";
            if (chain) {
                out.append(row(positions, r.label(), r.outputShape(), params));
            } else {
                List<String> links = r.connectedTo();
                out.append(row(positions, r.label(), r.outputShape(), params, links.isEmpty() ? "" : links.get(0)));
                for (int j = 1; j < links.size(); j++) out.append(row(positions, "", "", "", links.get(j)));
            }
            if (r.status() == Status.FAILED) out.append("  ✗ ").append(r.reason()).append('\n');
            out.append((i == rows.size() - 1 ? "=" : "_").repeat(width)).append('\n');
        }
        if (s.isComplete()) {
            out.append(String.format("Total params: %,d%n", s.totalParams()));
            out.append(String.format("Trainable params: %,d%n", s.trainableParams()));
            out.append(String.format("Non-trainable params: %,d%n", s.nonTrainableParams()));
        } else {
            out.append(String.format("Total params: ? (%,d in the layers before the failure)%n", s.totalParams()));
            out.append("Trainable params: ?\nNon-trainable params: ?\n");
        }
        out.append("_".repeat(width)).append('\n');
        return out.toString();
    }

    /** Keras's print_row: each field cut at its column's end, the last character of a full field replaced by a space. */
    static String row(int[] positions, String... fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) line.setCharAt(line.length() - 1, ' ');
            line.append(fields[i]);
            if (line.length() > positions[i]) line.setLength(positions[i]);
            while (line.length() < positions[i]) line.append(' ');
        }
        return line.append('\n').toString();
    }
}
