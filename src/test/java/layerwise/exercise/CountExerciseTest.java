package layerwise.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import layerwise.Golden;

/** Feedback on counts: credit per term of the library's formula, and the classic slips named. */
@Tag("exercises")
class CountExerciseTest {
    private final Exercises sheet = Exercises.sheet("seeds");

    private Feedback grade(String id, String answer) { return sheet.get(id).grade(answer); }

    @Test
    void forgottenBiasEarnsTheWeightsShareAndNamesTheMissingTerm() {
        // 3·3·3·16 = 432 weights + 16 biases = 448; 432 is one of the two terms.
        Feedback f = grade("003-conv-params", "432");
        assertEquals(1, f.points());
        assertEquals(2, f.max());
        Golden.assertMatches(getClass(), "forgot-bias", f.toText());
    }

    @Test
    void forgottenInputChannelsAreNamed() {
        // 3·3·16 + 16 = 160: the C_in = 3 factor left out.
        Feedback f = grade("003-conv-params", "160");
        assertEquals(1, f.points());   // a named mistake: half the points
        Golden.assertMatches(getClass(), "forgot-input-channels", f.withoutFormula().toText());
    }

    @Test
    void denseThatConnectsEveryNumberIsCorrectedToTheLastAxis() {
        // Dense(4) on (784, 1): 1·4 + 4 = 8; on all 784 numbers it would be 784·4 + 4 = 3,140.
        Feedback f = grade("002-column-params", "3,140");
        Golden.assertMatches(getClass(), "dense-all-inputs", f.withoutFormula().toText());
    }

    @Test
    void bigCountsMayBeGroupedOrNot() {
        // 18,496·512 + 512 = 9,470,464
        assertEquals(2, grade("003-dense-params", "9,470,464").points());
        assertEquals(2, grade("003-dense-params", "9470464").points());
    }

    @Test
    void onePaddingSideIsToldToAddBothSides() {
        // 'same', k = 3, S = 1 on 15: P_total = (15 − 1)·1 + 3 − 15 = 2, one on each side.
        Feedback f = grade("001-same-padding", "1");
        Golden.assertMatches(getClass(), "one-side-padding", f.withoutFormula().toText());
    }

    @Test
    void aReceptiveFieldThatMerelyEqualsSomeTermsEarnsNothing() {
        // conv 3 (+2), pool 2 (+1), conv 3 after a stride-2 pool (+2·2): 1 + 2 + 1 + 4 = 8; 7 is a sum of some terms, no named cause.
        Feedback f = grade("003-receptive-field", "7");
        assertEquals(0, f.points());
        Golden.assertMatches(getClass(), "receptive-field-missing-pool", f.toText());
    }

    @Test
    void receptiveFieldWithoutTheJumpsIsNamed() {
        // Ignoring the stride of the pool: 1 + 2 + 1 + 2 = 6.
        Feedback f = grade("003-receptive-field", "6");
        Golden.assertMatches(getClass(), "receptive-field-no-jumps", f.withoutFormula().toText());
    }
}
