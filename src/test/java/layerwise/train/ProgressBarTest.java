package layerwise.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ProgressBarTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    /** Two epochs of three batches, as fit reports them, to a bar printing through {@code sink}. */
    private static void twoEpochs(ProgressBar bar) {
        bar.onTrainBegin(2, 3, 90);
        for (int epoch = 1; epoch <= 2; epoch++) {
            bar.onEpochBegin(epoch, 2);
            for (int b = 1; b <= 3; b++) bar.onBatchEnd(epoch, b, 3, Map.of("loss", 0.5));
            bar.onEpochEnd(epoch, Map.of("loss", 0.5, "val_loss", 0.75), null);
        }
    }

    @Test
    void aStreamThatIsNoTerminalGetsTheFinishedLinesWithoutControlCharacters() {
        twoEpochs(new ProgressBar(out, 1));
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertFalse(printed.contains("\r") || printed.contains("\u001b"), printed);
        List<String> lines = printed.lines().toList();
        assertEquals(4, lines.size(), printed);
        assertTrue(lines.get(0).matches("Epoch 1/2  3/3  loss: 0\\.5000  \\d+s \\d+ms/step"), lines.get(0));
        assertEquals("    validation  loss: 0.7500", lines.get(1));
    }

    @Test
    void aTerminalRedrawsTheRunningLineWithCarriageReturns() {
        twoEpochs(new ProgressBar(ProgressBar.printed(out, true), 1));
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(printed.startsWith("\rEpoch 1/2  1/3  [=========>....................]  ETA: "), printed);
        assertTrue(printed.contains("\rEpoch 1/2  2/3  [===================>..........]  ETA: "), printed);
        assertTrue(printed.matches("(?s).*\rEpoch 1/2  3/3  loss: 0\\.5000  \\d+s \\d+ms/step *\n    validation  loss: 0\\.7500\n\rEpoch 2/2.*"), printed);
    }

    @Test
    void verboseTwoPrintsNoBar() {
        twoEpochs(new ProgressBar(ProgressBar.printed(out, true), 2));
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertFalse(printed.contains("[") || printed.contains("\r"), printed);
        assertEquals(4, printed.lines().count(), printed);
    }
}
