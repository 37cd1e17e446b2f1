package layerwise.kernel;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.dflib.jjava.jupyter.kernel.DisplayStream;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.knowm.xchart.XYChart;

import layerwise.chart.Charts;
import layerwise.explain.Html;
import layerwise.train.FitListener;
import layerwise.train.History;
import layerwise.train.ProgressBar;

/**
 * A fit's one output in a notebook, updated in place through its display_id: the finished epochs' lines,
 * the bar of the epoch under way, and under them the loss chart, redrawn after each epoch. When fit
 * returns, the last state stays, so a saved notebook shows every line and the final chart. Outside a
 * running cell (nowhere to show it) the progress is printed as in a terminal.
 */
final class FitDisplay implements FitListener, ProgressBar.Sink {
    /** The bar is redrawn at most this often; every finished epoch is shown at once. */
    private static final long REDRAW_NANOS = 250_000_000L;
    private final DisplayStream display;
    private final ProgressBar bar;
    private final List<String> lines = new ArrayList<>();
    private String running = "", chartPng, chartSize;
    private String displayId;
    private long shownAt;

    private FitDisplay(DisplayStream display, int verbose) {
        this.display = display;
        this.bar = new ProgressBar(this, verbose);
    }

    /** The listener that shows a fit with this verbose level; none with 0, which is silent, as in Keras. */
    static FitListener open(DisplayStream display, int verbose) {
        if (verbose <= 0) return null;
        return display.isAttached() ? new FitDisplay(display, verbose) : new ProgressBar(System.out, verbose);
    }

    @Override
    public void onTrainBegin(int epochs, int batchesPerEpoch, int samples) { bar.onTrainBegin(epochs, batchesPerEpoch, samples); }

    @Override
    public void onEpochBegin(int epoch, int epochs) { bar.onEpochBegin(epoch, epochs); }

    @Override
    public void onBatchEnd(int epoch, int batch, int batches, Map<String, Double> logs) { bar.onBatchEnd(epoch, batch, batches, logs); }

    /** The chart is drawn first, so the update that adds the epoch's lines shows it too. */
    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs, History history) {
        XYChart chart = Charts.history(history);
        chartPng = Base64.getEncoder().encodeToString(Charts.png(chart));
        chartSize = " width=\"" + chart.getWidth() + "\" height=\"" + chart.getHeight() + "\"";
        bar.onEpochEnd(epoch, logs, history);
    }

    @Override
    public void running(String line) {
        running = line;
        if (System.nanoTime() - shownAt >= REDRAW_NANOS) show();
    }

    @Override
    public void finished(List<String> epochLines) {
        lines.addAll(epochLines);
        running = "";
        show();
    }

    private void show() {
        if (!display.isAttached()) return;
        shownAt = System.nanoTime();
        DisplayData data = new DisplayData(text());
        data.putHTML(html());
        if (displayId == null) {
            displayId = "layerwise-fit-" + System.identityHashCode(this) + "-" + System.nanoTime();
            data.setDisplayId(displayId);
            display.display(data);
        } else {
            display.updateDisplay(displayId, data);
        }
    }

    private String text() {
        List<String> all = new ArrayList<>(lines);
        if (!running.isEmpty()) all.add(running);
        return String.join("\n", all);
    }

    /**
     * The lines as in a terminal, then the chart; the PNG travels inside the HTML so both are one output.
     * Its size is given, so the output keeps its height while a redrawn bar replaces the picture.
     */
    private String html() {
        StringBuilder b = new StringBuilder();
        String text = text();
        if (!text.isEmpty()) b.append("<pre style=\"margin:0\">").append(Html.escape(text)).append("</pre>");
        if (chartPng != null) {
            b.append("<img alt=\"Training history: the figures by epoch\"").append(chartSize)
                    .append(" src=\"data:image/png;base64,").append(chartPng).append("\"/>");
        }
        return b.toString();
    }
}
