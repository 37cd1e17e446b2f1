package layerwise.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import layerwise.Golden;

class ProgressLinesTest {
    /** loss, accuracy and their val_ twins, as fit logs them after an epoch with validation. */
    private static Map<String, Double> withValidation() {
        Map<String, Double> logs = new LinkedHashMap<>();
        logs.put("loss", 0.4123);
        logs.put("accuracy", 0.881);
        logs.put("val_loss", 0.5012);
        logs.put("val_accuracy", 0.85);
        return logs;
    }

    private static void assertFitsTheColumn(List<String> lines) {
        for (String line : lines) assertTrue(line.length() <= 80, line.length() + " characters: " + line);
    }

    @Test
    void anEpochWithValidationPrintsTwoAlignedLines() {
        List<String> lines = ProgressLines.finished(ProgressLines.head(3, 10, 32, 32), withValidation(), "1s 31ms/step");
        Golden.assertMatches(ProgressLinesTest.class, "epoch_with_validation", String.join("\n", lines) + "\n");
    }

    @Test
    void validationFiguresStandUnderTheirTrainingTwins() {
        List<String> lines = ProgressLines.finished(ProgressLines.head(3, 10, 32, 32), withValidation(), "1s 31ms/step");
        assertEquals(2, lines.size(), String.join("\n", lines));
        assertEquals(lines.get(0).indexOf("loss: 0.4123"), lines.get(1).indexOf("loss: 0.5012"));
        assertEquals(lines.get(0).indexOf("accuracy: 0.8810"), lines.get(1).indexOf("accuracy: 0.8500"));
    }

    @Test
    void aHundredEpochsOfFiveDigitBatchCountsStillFitEightyColumns() {
        String head = ProgressLines.head(100, 100, 12500, 12500);
        List<String> lines = ProgressLines.finished(head, withValidation(), ProgressLines.time(1234.5, 12500));
        assertEquals(2, lines.size(), String.join("\n", lines));
        assertFitsTheColumn(lines);
    }

    @Test
    void theRunningLineOfAHundredEpochsOnSixtyThousandSamplesKeepsItsFiguresInEightyColumns() {
        Map<String, Double> logs = new LinkedHashMap<>(Map.of("loss", 0.4123));
        logs.put("accuracy", 0.881);
        String line = ProgressLines.running(ProgressLines.head(7, 100, 432, 1875), 432, 1875, 95, logs);
        assertFitsTheColumn(List.of(line));
        assertTrue(line.endsWith("ETA: 1:35  loss: 0.4123  accuracy: 0.8810"), line);
    }

    @Test
    void anEtaOfHoursReadsAsHoursMinutesSeconds() {
        assertEquals(List.of("42s", "1:35", "1:02:03"), List.of(ProgressLines.duration(42), ProgressLines.duration(95), ProgressLines.duration(3723)));
    }

    @Test
    void theBarShrinksBeforeAFigureIsLeftOut() {
        Map<String, Double> logs = new LinkedHashMap<>(Map.of("loss", 0.25));
        logs.put("accuracy", 0.5);
        String roomy = ProgressLines.running(ProgressLines.head(1, 2, 1, 4), 1, 4, 1, Map.of("loss", 0.25));
        String tight = ProgressLines.running(ProgressLines.head(7, 100, 432, 1875), 432, 1875, 95, logs);
        assertTrue(roomy.contains("  [======>" + ".".repeat(23) + "]  "), roomy);
        assertTrue(tight.contains("  [=>.......]  "), tight);
        assertTrue(tight.endsWith("loss: 0.2500  accuracy: 0.5000"), tight);
    }

    @Test
    void whenEvenTheShortestBarLeavesNoRoomTheLastFiguresAreLeftOut() {
        Map<String, Double> logs = new LinkedHashMap<>(Map.of("loss", 0.25));
        logs.put("accuracy", 0.5);
        String line = ProgressLines.running(ProgressLines.head(7, 100, 4321, 12500), 4321, 12500, 3600, logs);
        assertEquals("Epoch   7/100   4321/12500  [======>...............]  ETA: 1:00:00  loss: 0.2500", line);
    }

    @Test
    void manyFiguresBreakBetweenFiguresNeverInsideOne() {
        Map<String, Double> logs = new LinkedHashMap<>();
        for (String name : List.of("loss", "accuracy", "precision", "recall", "mae", "top_k_categorical_accuracy")) {
            logs.put(name, 0.5);
            logs.put("val_" + name, 0.25);
        }
        List<String> lines = ProgressLines.finished(ProgressLines.head(100, 100, 12500, 12500), logs, "12s 1ms/step");
        assertFitsTheColumn(lines);
        String cells = "( +([a-z_]+: \\d\\.\\d{4}|\\d+s \\d+ms/step))+";
        for (String line : lines) {
            assertTrue(line.matches("(Epoch 100/100  12500/12500| {16}validation| {26})" + cells), line);
        }
    }

    @Test
    void aLineTooWideForTheColumnGoesOnIndentedUnderItsFirstFigure() {
        Map<String, Double> logs = new LinkedHashMap<>();
        for (String name : List.of("loss", "accuracy", "precision", "recall", "mae")) {
            logs.put(name, 0.5);
            logs.put("val_" + name, 0.25);
        }
        List<String> lines = ProgressLines.finished(ProgressLines.head(12, 100, 391, 391), logs, "3s 8ms/step");
        Golden.assertMatches(ProgressLinesTest.class, "five_figures_with_validation", String.join("\n", lines) + "\n");
    }

    @Test
    void aFinishedEvaluationIsOneLineWithoutAnEpoch() {
        Map<String, Double> logs = new LinkedHashMap<>(Map.of("loss", 0.312));
        logs.put("accuracy", 0.9);
        assertEquals(List.of("12/12  loss: 0.3120  accuracy: 0.9000  0s 2ms/step"),
                ProgressLines.finished(ProgressLines.count(12, 12), logs, "0s 2ms/step"));
    }
}
