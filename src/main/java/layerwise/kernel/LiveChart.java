package layerwise.kernel;

import java.util.Map;

import org.dflib.jjava.jupyter.kernel.DisplayStream;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;

import layerwise.chart.Charts;
import layerwise.train.FitListener;
import layerwise.train.History;

/**
 * The loss chart of a fit, drawn after the first epoch and redrawn in place after each one (one display
 * updated through its display_id, so the notebook keeps a single picture). The kernel gives every fit
 * one; outside a running cell it does nothing.
 */
final class LiveChart implements FitListener {
    private final DisplayStream display;
    private final Renderer renderer;
    private String displayId;

    LiveChart(DisplayStream display, Renderer renderer) {
        this.display = display;
        this.renderer = renderer;
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs, History history) {
        if (!display.isAttached()) return;
        DisplayData picture = renderer.render(Charts.history(history));
        if (displayId == null) {
            displayId = "layerwise-fit-" + System.identityHashCode(this) + "-" + System.nanoTime();
            picture.setDisplayId(displayId);
            display.display(picture);
        } else {
            display.updateDisplay(displayId, picture);
        }
    }
}
