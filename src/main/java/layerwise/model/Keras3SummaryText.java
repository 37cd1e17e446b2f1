package layerwise.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import layerwise.model.Summary.Row;
import layerwise.model.Summary.Status;

/**
 * Writes a {@link Summary} as Keras 3 prints it, a box table with a line between rows and the weights'
 * size beside each count ("Total params: 9,494,561 (36.22 MB)", 4 bytes a weight, 1 KB = 1024 B).
 * The widths are those Keras 3 gives a wide terminal: 88 characters for a chain of layers, 108 with
 * "Connected to" for a graph. A cell too long for its column wraps at spaces, and a word too long
 * for a line ends in "…".
 */
final class Keras3SummaryText {
    /** Each column's width inside its borders, one space of padding on either side included. */
    private static final int[] CHAIN = {38, 29, 17}, GRAPH = {31, 27, 17, 28};
    /** Left-aligned except the parameter counts. */
    private static final boolean[] RIGHT = {false, false, true, false};

    private Keras3SummaryText() {}

    static String render(Summary s) {
        boolean chain = s.sequentialLike();
        int[] widths = chain ? CHAIN : GRAPH;
        StringBuilder out = new StringBuilder("Model: \"" + s.modelName() + "\"\n");
        out.append(rule(widths, '┏', '━', '┳', '┓'));
        List<String> header = new ArrayList<>(List.of("Layer (type)", "Output Shape", "Param #"));
        if (!chain) header.add("Connected to");
        out.append(cells(widths, header, '┃'));
        out.append(rule(widths, '┡', '━', '╇', '┩'));
        List<Row> rows = s.rows();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            List<String> fields = new ArrayList<>(List.of(label(r), shape(r), r.isKnown() ? String.format(Locale.ROOT, "%,d", r.params()) : "?"));
            if (!chain) fields.add(r.connectedTo().isEmpty() ? "-" : String.join(", ", r.connectedTo()));
            out.append(cells(widths, fields, '│'));
            if (r.status() == Status.FAILED) out.append(cells(widths, failure(widths.length, r.reason()), '│'));
            out.append(i == rows.size() - 1 ? rule(widths, '└', '─', '┴', '┘') : rule(widths, '├', '─', '┼', '┤'));
        }
        if (s.isComplete()) {
            out.append(total(" Total params: ", s.totalParams()));
            out.append(total(" Trainable params: ", s.trainableParams()));
            out.append(total(" Non-trainable params: ", s.nonTrainableParams()));
        } else {
            out.append(String.format(Locale.ROOT, " Total params: ? (%,d in the layers before the failure)%n", s.totalParams()));
            out.append(" Trainable params: ?\n Non-trainable params: ?\n");
        }
        return out.toString();
    }

    /** Keras's readable_memory_size: float32 weights, in B, KB, MB, GB with 1024 between them. */
    static String size(long params) {
        double bytes = params * 4.0;
        String[] units = {"B", "KB", "MB", "GB", "TB", "PB"};
        int u = 0;
        while (u < units.length - 1 && bytes / 1024 >= 1) {
            bytes /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.2f %s", bytes, units[u]);
    }

    private static String total(String label, long params) {
        return String.format(Locale.ROOT, "%s%,d (%s)%n", label, params, size(params));
    }

    /** A nested model's layers start with "└ ", three spaces deeper for each level, as summary(expand_nested=True). */
    private static String label(Row r) {
        String name = r.name() + " (" + r.type() + ")";
        return r.depth() == 0 ? name : "   ".repeat(r.depth()) + "└ " + name;
    }

    /** Keras 3 shows an input layer's shape without tf.keras 2's list brackets. */
    private static String shape(Row r) {
        String s = r.outputShape();
        return s.startsWith("[(") && s.endsWith(")]") && !s.contains("), (") ? s.substring(1, s.length() - 1) : s;
    }

    private static List<String> failure(int columns, String reason) {
        List<String> cells = new ArrayList<>(List.of("✗ " + reason));
        while (cells.size() < columns) cells.add("");
        return cells;
    }

    private static String rule(int[] widths, char left, char line, char cross, char right) {
        StringBuilder b = new StringBuilder().append(left);
        for (int i = 0; i < widths.length; i++) b.append(String.valueOf(line).repeat(widths[i])).append(i == widths.length - 1 ? right : cross);
        return b.append('\n').toString();
    }

    /** One table row, as many lines high as its tallest wrapped cell. */
    private static String cells(int[] widths, List<String> fields, char border) {
        List<List<String>> wrapped = new ArrayList<>();
        int height = 1;
        for (int i = 0; i < fields.size(); i++) {
            wrapped.add(wrap(fields.get(i), widths[i] - 2));
            height = Math.max(height, wrapped.get(i).size());
        }
        StringBuilder b = new StringBuilder();
        for (int line = 0; line < height; line++) {
            b.append(border);
            for (int i = 0; i < fields.size(); i++) {
                String text = line < wrapped.get(i).size() ? wrapped.get(i).get(line) : "";
                String pad = " ".repeat(widths[i] - 2 - text.length());
                b.append(' ').append(RIGHT[i] ? pad + text : text + pad).append(' ').append(border);
            }
            b.append('\n');
        }
        return b.toString();
    }

    /** Words (each with the spaces after it) fill a line while they fit; a word longer than a line is cut with "…". */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split("(?<= )")) {
            String bare = word.stripTrailing();
            if (line.length() > 0 && line.length() + bare.length() > width) {
                lines.add(line.toString().stripTrailing());
                line.setLength(0);
            }
            line.append(bare.length() > width ? bare.substring(0, width - 1) + "…" : word);
        }
        lines.add(line.toString().stripTrailing());
        return lines;
    }
}
