package layerwise.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The words of fit's progress, laid out for a notebook column of {@link #WIDTH} characters. A finished
 * epoch is one line, with the validation figures on a second line under the training ones:
 * <pre>
 * Epoch   3/100  32/32  loss: 0.4123  accuracy: 0.8810  1s 31ms/step
 *           validation  loss: 0.5012  accuracy: 0.8500
 * </pre>
 * Counts are padded so every epoch's figures start in the same column. A line is only ever broken
 * between two figures, and the part after the break is indented under the first figure.
 */
final class ProgressLines {
    static final int WIDTH = 80;
    private static final int BAR_MIN = 6, BAR_MAX = 30;
    private static final String GAP = "  ";

    private ProgressLines() {}

    /** {@code Epoch   3/100  12/32}: the epoch, then the batch. */
    static String head(int epoch, int epochs, int batch, int batches) {
        return "Epoch " + count(epoch, epochs) + GAP + count(batch, batches);
    }

    /** {@code  3/10}: a count right-aligned to the width of its total. */
    static String count(int done, int total) {
        String t = Integer.toString(total);
        return " ".repeat(Math.max(0, t.length() - Integer.toString(done).length())) + done + "/" + t;
    }

    /**
     * The line of the batch under way, {@code Epoch 3/10  12/32  [=====>....]  ETA: 2s  loss: 0.4123}:
     * the bar shrinks (to 6) before a figure is left out, so the line never outgrows the column.
     */
    static String running(String head, int batch, int batches, long etaSeconds, Map<String, Double> logs) {
        List<String> cells = new ArrayList<>();
        logs.forEach((k, v) -> cells.add(figure(k, v)));
        String eta = GAP + "ETA: " + duration(etaSeconds);
        // counted as at least "ETA: 1:35", so the bar keeps its length while the ETA counts down to 9s
        int etaRoom = Math.max(eta.length(), (GAP + "ETA: 1:35").length());
        int bar = WIDTH - widthWithoutBar(head, etaRoom, cells);
        while (bar < BAR_MIN && !cells.isEmpty()) {
            cells.remove(cells.size() - 1);
            bar = WIDTH - widthWithoutBar(head, etaRoom, cells);
        }
        StringBuilder line = new StringBuilder(head).append(GAP).append(bar(batch, batches, Math.max(BAR_MIN, Math.min(BAR_MAX, bar)))).append(eta);
        cells.forEach(c -> line.append(GAP).append(c));
        return line.toString().stripTrailing();
    }

    private static int widthWithoutBar(String head, int eta, List<String> cells) {
        return head.length() + GAP.length() + 2 + eta + cells.stream().mapToInt(c -> GAP.length() + c.length()).sum();
    }

    /** {@code [=====>........]}: '=' for batches done, '>' at the current one, {@code width} inside the brackets. */
    static String bar(int batch, int batches, int width) {
        if (batch >= batches) return "[" + "=".repeat(width) + "]";
        int filled = (int) ((long) width * batch / batches);
        return "[" + "=".repeat(Math.max(filled - 1, 0)) + ">" + ".".repeat(width - Math.max(filled, 1)) + "]";
    }

    /**
     * A finished epoch (or evaluation): the training figures and the time after {@code head}, then, if
     * the logs hold val_ figures, a line labelled "validation" with each one under its training twin.
     */
    static List<String> finished(String head, Map<String, Double> logs, String time) {
        List<String> train = new ArrayList<>(), validation = new ArrayList<>();
        logs.forEach((k, v) -> {
            if (k.startsWith("val_")) return;
            String mine = figure(k, v);
            Double twin = logs.get("val_" + k);
            String other = twin == null ? "" : figure(k, twin);
            int width = Math.max(mine.length(), other.length());
            train.add(padRight(mine, width));
            if (twin != null) validation.add(padRight(other, width));
        });
        logs.forEach((k, v) -> {
            if (k.startsWith("val_") && !logs.containsKey(k.substring(4))) validation.add(figure(k.substring(4), v));
        });
        train.add(time);
        List<String> lines = wrap(head, train);
        if (!validation.isEmpty()) lines.addAll(wrap(padLeft("validation", head.length()), validation));
        return lines;
    }

    /** The cells after {@code lead}, two spaces apart; a cell that would pass the column starts a new line. */
    private static List<String> wrap(String lead, List<String> cells) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(lead);
        boolean empty = true;
        for (String cell : cells) {
            if (!empty && line.length() + GAP.length() + cell.strip().length() > WIDTH) {
                lines.add(line.toString().stripTrailing());
                line = new StringBuilder(" ".repeat(lead.length()));
            }
            line.append(GAP).append(cell);
            empty = false;
        }
        lines.add(line.toString().stripTrailing());
        return lines;
    }

    /** {@code loss: 0.4123}, Keras's name and four decimals. */
    static String figure(String name, double value) {
        return name + ": " + String.format(Locale.ROOT, "%.4f", value);
    }

    /** {@code 42s}, {@code 3:05}, {@code 1:02:03}: Keras's ETA. */
    static String duration(long seconds) {
        if (seconds < 60) return seconds + "s";
        String minutesAndSeconds = String.format(Locale.ROOT, "%d:%02d", seconds / 60 % 60, seconds % 60);
        return seconds < 3600 ? minutesAndSeconds : seconds / 3600 + ":" + (seconds / 60 % 60 < 10 ? "0" : "") + minutesAndSeconds;
    }

    /** {@code 1s 31ms/step}: the epoch's seconds and the time per batch. */
    static String time(double seconds, int batches) {
        return Math.round(seconds) + "s " + Math.round(seconds * 1000 / Math.max(batches, 1)) + "ms/step";
    }

    private static String padRight(String s, int width) { return s + " ".repeat(Math.max(0, width - s.length())); }

    private static String padLeft(String s, int width) { return " ".repeat(Math.max(0, width - s.length())) + s; }
}
