package layerwise.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import layerwise.Golden;

/**
 * Feedback on shape answers, on the seed-003 model (150×150×3, Conv2D(16, 3) 'valid': 148 = (150 − 3)/1 + 1)
 * and its neighbours. Expected points: one per axis (plus one for the batch axis when asked for).
 */
@Tag("exercises")
class ShapeExerciseTest {
    private final Exercises sheet = Exercises.sheet("seeds");

    private Feedback grade(String id, String answer) { return sheet.get(id).grade(answer); }

    @Test
    void rightAnswerEarnsOnePointPerAxis() {
        Feedback f = grade("003-conv-shape", "(None, 148, 148, 16)");
        assertEquals(Feedback.Verdict.CORRECT, f.verdict());
        assertEquals(3, f.points());
    }

    @Test
    void wrongChannelsKeepRowsAndColsAndSayChannelsAreTheFilters() {
        Feedback f = grade("003-conv-shape", "(None, 148, 148, 3)");
        assertEquals(2, f.points());
        Golden.assertMatches(getClass(), "wrong-channels", f.toText());
    }

    @Test
    void swappedAxesAreNamedAsSwapped() {
        Feedback f = grade("003-conv-shape", "(None, 148, 16, 148)");
        Golden.assertMatches(getClass(), "swapped-axes", f.toText());
    }

    @Test
    void channelsFirstIsToldKerasPutsChannelsLast() {
        Feedback f = grade("003-conv-shape", "16x148x148");
        Golden.assertMatches(getClass(), "channels-first", f.withoutFormula().toText());
    }

    @Test
    void sameRuleForAValidLayerIsNamedWithBothFormulas() {
        // 'same' would keep ⌈150/1⌉ = 150; 'valid' gives (150 − 3)/1 + 1 = 148. Channels 16 are right: 1 of 3.
        Feedback f = grade("003-conv-shape", "(None, 150, 150, 16)");
        assertEquals(1, f.points());
        Golden.assertMatches(getClass(), "same-rule-for-valid", f.withoutFormula().toText());
    }

    @Test
    void validRuleForASameLayerIsNamedToo() {
        // Seed 001: 15×15 with 'same' stays 15; 'valid' would give 15 − 3 + 1 = 13.
        Feedback f = grade("001-same-shape", "(None, 13, 13, 12)");
        Golden.assertMatches(getClass(), "valid-rule-for-same", f.withoutFormula().toText());
    }

    @Test
    void forgettingTheBatchAxisCostsItsPointWhenSummaryFormIsAsked() {
        // max_pooling2d: ⌊(148 − 2)/2⌋ + 1 = 74; 3 axes right, batch axis missing: 3 of 4.
        Feedback f = grade("003-pool-shape", "74x74x16");
        assertEquals(3, f.points());
        assertEquals(4, f.max());
        Golden.assertMatches(getClass(), "forgot-batch-axis", f.withoutFormula().toText());
    }

    @Test
    void addingTheBatchAxisToAnInputShapeCostsItsPoint() {
        Feedback f = grade("001-input-shape", "(None, 15, 15, 20)");
        assertEquals(3, f.points());
        Golden.assertMatches(getClass(), "added-batch-axis", f.withoutFormula().toText());
    }

    @Test
    void batchAxisIsOptionalWhenTheQuestionDoesNotAskForIt() {
        assertEquals(3, grade("003-conv-shape", "148x148x16").points());
        assertEquals(3, grade("003-conv-shape", "[None, 148, 148, 16]").points());
    }

    @Test
    void denseAfterConvKeepsTheOtherAxesAndSaysSo() {
        Feedback f = grade("000-dense-shape", "(None, 256)");
        assertEquals(0, f.points());
        Golden.assertMatches(getClass(), "dense-flattened", f.withoutFormula().toText());
    }

    @Test
    void forgottenStrideIsNamed() {
        // 28×28, k = 3, S = 2: ⌊(28 − 3)/2⌋ + 1 = 13; stride 1 would give 26.
        Feedback f = grade("strided-shape", "(None, 26, 26, 8)");
        Golden.assertMatches(getClass(), "forgot-stride", f.withoutFormula().toText());
    }

    @Test
    void unreadableAnswerSaysWhichFormsWork() {
        Feedback f = grade("003-conv-shape", "a cube");
        assertEquals(Feedback.Verdict.UNREADABLE, f.verdict());
        Golden.assertMatches(getClass(), "unreadable", f.withoutFormula().toText());
    }
}
