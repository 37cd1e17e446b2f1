package layerwise.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.dflib.jjava.jupyter.kernel.DisplayStream;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.Test;

import layerwise.data.Datasets;
import layerwise.layers.Dense;
import layerwise.model.Sequential;
import layerwise.train.FitOptions;
import layerwise.train.SGD;

/** A fit's output in a notebook, on a display that records what the kernel would send to Jupyter. */
class FitDisplayTest {
    /** A running cell's display: every display_data and update_display_data, in order. */
    private static final class Recorded extends DisplayStream {
        final List<DisplayData> shown = new ArrayList<>();
        final List<String> updatedIds = new ArrayList<>();
        final List<DisplayData> updates = new ArrayList<>();

        @Override public boolean isAttached() { return true; }
        @Override public void display(DisplayData data) { shown.add(data); }
        @Override public void updateDisplay(String id, DisplayData data) { updatedIds.add(id); updates.add(data); }
    }

    /** Three epochs on iris with 20 % held out, shown as verbose 2 shows them: one update per epoch. */
    private static Recorded fitThreeEpochs() {
        Recorded display = new Recorded();
        var m = new Sequential().add(new Dense(3).activation("softmax").inputShape(4));
        m.compile(new SGD(0.1), "sparse_categorical_crossentropy", "accuracy");
        m.fit(Datasets.iris().x(), Datasets.iris().y(), 50, 3,
                new FitOptions().verbose(0).validationSplit(0.2).listener(FitDisplay.open(display, 2)));
        return display;
    }

    @Test
    void aFitIsShownOnceThenUpdatedInPlaceAfterEachEpoch() {
        Recorded display = fitThreeEpochs();
        assertEquals(1, display.shown.size());
        String id = display.shown.get(0).getDisplayId();
        assertTrue(id != null && id.startsWith("layerwise-fit-"), id);
        assertEquals(List.of(id, id), display.updatedIds);
    }

    @Test
    void theLastUpdateHoldsEveryEpochLineThenTheChart() {
        Recorded display = fitThreeEpochs();
        DisplayData last = display.updates.get(display.updates.size() - 1);
        List<String> lines = ((String) last.getData(MIMEType.TEXT_PLAIN)).lines().toList();
        assertEquals(6, lines.size(), lines.toString());
        assertTrue(lines.get(4).startsWith("Epoch 3/3  3/3  loss: ") && lines.get(5).startsWith("    validation  loss: "), lines.toString());
        String html = (String) last.getData(MIMEType.TEXT_HTML);
        assertTrue(html.matches("(?s)<pre[^>]*>Epoch 1/3.*</pre><img [^>]*src=\"data:image/png;base64,[A-Za-z0-9+/=]+\"/>"), html);
    }

    @Test
    void aSilentFitHasNoDisplay() {
        assertNull(FitDisplay.open(new Recorded(), 0));
    }
}
