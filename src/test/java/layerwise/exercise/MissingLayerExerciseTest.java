package layerwise.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import layerwise.Golden;

/** Seed 000: Dense after Conv2D without Flatten. The library inserts the named layer and checks the targets. */
@Tag("exercises")
class MissingLayerExerciseTest {
    private final Exercise missing = Exercises.sheet("seeds").get("000-missing-layer");

    @ParameterizedTest
    @ValueSource(strings = {"Flatten after conv2d", "flatten() after conv2d", "a Flatten layer between conv2d and dense",
            "Flatten before dense", "x = Flatten()(x) after the layer conv2d"})
    void flattenAfterTheConvolutionEarnsBothPoints(String answer) {
        assertEquals(2, missing.grade(answer).points());
    }

    @Test
    void theRightLayerWithoutAPlaceEarnsOnePoint() {
        Feedback f = missing.grade("Flatten");
        assertEquals(1, f.points());
        Golden.assertMatches(getClass(), "no-place", f.withoutFormula().toText());
    }

    @Test
    void flattenAfterTheFirstDenseWorksOutButIsNotWhereItBelongs() {
        // dense (256) then acts on each of the 98×98 positions; Flatten after it still gives (None, 10).
        Feedback f = missing.grade("Flatten after dense");
        assertEquals(1, f.points());
        Golden.assertMatches(getClass(), "late-flatten", f.withoutFormula().toText());
    }

    @Test
    void anotherDenseIsToldWhyItCannotHelp() {
        Feedback f = missing.grade("Dense");
        assertEquals(0, f.points());
        Golden.assertMatches(getClass(), "another-dense", f.withoutFormula().toText());
    }

    @Test
    void workedSolutionShowsTheFixedModel() {
        Golden.assertMatches(getClass(), "solution", missing.grade("Reshape").formula());
    }
}
