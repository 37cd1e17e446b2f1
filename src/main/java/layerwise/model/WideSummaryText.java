package layerwise.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import layerwise.explain.Explanation;
import layerwise.model.Summary.Column;
import layerwise.model.Summary.Row;
import layerwise.model.Summary.Status;

/**
 * Writes a {@link Summary} with the extra columns chosen: each column as wide as its longest cell,
 * numbers grouped by thousands, memory in B/KB/MB (float32, one sample).
 */
final class WideSummaryText {
    private WideSummaryText() {}

    static String render(Summary s) {
        List<String> headers = new ArrayList<>(List.of("Layer (type)"));
        if (s.columns().contains(Column.INPUT_SHAPE)) headers.add(Column.INPUT_SHAPE.header);
        headers.add("Output Shape");
        headers.add("Param #");
        for (Column c : Column.values()) {
            if (c != Column.INPUT_SHAPE && s.columns().contains(c)) headers.add(c.header);
        }
        List<List<String>> cells = new ArrayList<>();
        for (Row r : s.rows()) cells.add(cells(s, r));
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = headers.get(i).length();
            for (List<String> row : cells) widths[i] = Math.max(widths[i], row.get(i).length());
        }
        int total = Arrays.stream(widths).sum() + 2 * (widths.length - 1);
        StringBuilder out = new StringBuilder("Model: \"" + s.modelName() + "\"\n");
        out.append("_".repeat(total)).append('\n').append(line(headers, widths)).append("=".repeat(total)).append('\n');
        for (int i = 0; i < cells.size(); i++) {
            out.append(line(cells.get(i), widths));
            Row r = s.rows().get(i);
            if (r.status() == Status.FAILED) out.append("  ✗ ").append(r.reason()).append('\n');
        }
        out.append("=".repeat(total)).append('\n');
        out.append(totals(s));
        return out.append("_".repeat(total)).append('\n').toString();
    }

    private static List<String> cells(Summary s, Row r) {
        List<String> c = new ArrayList<>(List.of(r.label()));
        boolean known = r.isKnown();
        if (s.columns().contains(Column.INPUT_SHAPE)) {
            c.add(!known ? "?" : r.inputs().size() == 1 ? r.inputs().get(0).withBatch()
                    : r.inputs().stream().map(x -> x.withBatch()).collect(Collectors.joining(", ", "[", "]")));
        }
        c.add(r.outputShape());
        c.add(known ? Explanation.thousands(r.params()) : "?");
        if (s.columns().contains(Column.MACS)) c.add(known ? Explanation.thousands(r.macs()) : "?");
        if (s.columns().contains(Column.MEMORY)) c.add(r.activationBytes() < 0 ? "?" : bytes(r.activationBytes()));
        if (s.columns().contains(Column.RECEPTIVE_FIELD)) c.add(r.receptiveField());
        if (s.columns().contains(Column.TRAINABLE)) c.add(r.trainable() ? "yes" : "no");
        return c;
    }

    private static String totals(Summary s) {
        if (!s.isComplete()) {
            return String.format("Total params: ? (%,d in the layers before the failure)%n", s.totalParams())
                    + "Trainable params: ?\nNon-trainable params: ?\n";
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format("Total params: %,d%n", s.totalParams()));
        out.append(String.format("Trainable params: %,d%n", s.trainableParams()));
        out.append(String.format("Non-trainable params: %,d%n", s.nonTrainableParams()));
        if (s.columns().contains(Column.MACS)) out.append(String.format("Total mult-adds per sample: %,d%n", s.totalMacs()));
        if (s.columns().contains(Column.MEMORY) && s.activationBytes() >= 0) {
            out.append("Activation memory per sample (float32): ").append(bytes(s.activationBytes())).append('\n');
        }
        return out.toString();
    }

    /** 1,401,856 bytes → "1.34 MB" (binary units, as torchinfo), small values exact. */
    static String bytes(long b) {
        if (b < 1024) return b + " B";
        if (b < 1024L * 1024) return String.format("%.2f KB", b / 1024.0);
        if (b < 1024L * 1024 * 1024) return String.format("%.2f MB", b / (1024.0 * 1024));
        return String.format("%.2f GB", b / (1024.0 * 1024 * 1024));
    }

    private static String line(List<String> cells, int[] widths) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            out.append(cells.get(i)).append(" ".repeat(widths[i] - cells.get(i).length()));
            if (i < cells.size() - 1) out.append("  ");
        }
        return out.toString().stripTrailing() + "\n";
    }
}
