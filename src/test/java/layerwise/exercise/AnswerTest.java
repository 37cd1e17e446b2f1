package layerwise.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The ways students write shapes and counts, read as they meant them. */
@Tag("exercises")
class AnswerTest {

    private static final List<Long> WITH_BATCH = Arrays.asList(null, 148L, 148L, 16L);

    @Test
    void kerasSummaryFormReadsNoneAsTheBatchAxis() {
        assertEquals(WITH_BATCH, new Answer("(None, 148, 148, 16)").shape().orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"148x148x16", "148 x 148 x 16", "148×148×16", "148*148*16", "[148, 148, 16]", "(148, 148, 16)",
            "148, 148, 16", "  [148,148,16] ", "148 148 16", "torch.Size([148, 148, 16])"})
    void everyShapeSpellingGivesTheSameAxes(String written) {
        assertEquals(List.of(148L, 148L, 16L), new Answer(written).shape().orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"9,470,464", "9470464", "9 470 464", "9_470_464", "9'470'464", "9470464 params", " 9,470,464 parameters"})
    void everyCountSpellingGivesTheSameNumber(String written) {
        assertEquals(9_470_464L, new Answer(written).count().orElseThrow());
    }

    @Test
    void pythonOneTupleReadsAsACount() {
        assertEquals(18_496L, new Answer("(18496,)").count().orElseThrow());
    }

    @Test
    void groupedThousandsAreOneNumberButSpacedCommasAreAShape() {
        assertEquals(18_496L, new Answer("18,496").count().orElseThrow());
        assertEquals(List.of(148L, 148L, 16L), new Answer("148, 148, 16").shape().orElseThrow());
        assertTrue(new Answer("148, 148, 16").count().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "148x148xsixteen", "", "4.5", "1,23,456"})
    void wordsAndFractionsAreNotCounts(String written) {
        assertTrue(new Answer(written).count().isEmpty());
    }

    @Test
    void wordsIgnoreCaseAndPunctuation() {
        assertEquals("the batch size", new Answer("The Batch-size!").words());
    }
}
