package layerwise.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import layerwise.Golden;
import layerwise.error.ConfigException;
import layerwise.examples.SeedModels;
import layerwise.layers.Conv2D;
import layerwise.layers.Names;
import layerwise.model.Sequential;

/** Sets of exercises: the named sheet, its per-student variants, and sets made from any model. */
@Tag("exercises")
class ExercisesTest {

    static Stream<String> seedIds() { return Exercises.sheet("seeds").list().stream().map(Exercise::id); }

    /** The expected answers of every generated exercise, as the reference answer strings. */
    private static List<String> answers(Exercises set) { return set.list().stream().map(Exercise::modelAnswer).toList(); }

    @Test
    void seedSheetCoversTheFourQuestionsWithTwentyExercises() {
        Exercises s = Exercises.sheet("seeds");
        assertEquals(20, s.size());
        for (String topic : List.of("000-", "001-", "002-", "003-")) {
            assertTrue(s.list().stream().anyMatch(e -> e.id().startsWith(topic)), topic);
        }
    }

    @Test
    void baseSheetHasTheNumbersOfTheOriginalQuestions() {
        Exercises s = Exercises.sheet("seeds");
        // (150 − 3)/1 + 1 = 148; 3·3·3·16 + 16 = 448; 17·17·64 = 18,496; 18,496·512 + 512 = 9,470,464
        assertEquals("(None, 148, 148, 16)", s.get("003-conv-shape").modelAnswer());
        assertEquals("448", s.get("003-conv-params").modelAnswer());
        assertEquals("18,496", s.get("003-flat-size").modelAnswer());
        assertEquals("9,470,464", s.get("003-dense-params").modelAnswer());
        // 3·3·20·12 + 12 = 2,172; Dense(4): 784·4 + 4 = 3,140 and 1·4 + 4 = 8
        assertEquals("2,172", s.get("001-conv-params").modelAnswer());
        assertEquals("3,140", s.get("002-vector-params").modelAnswer());
        assertEquals("8", s.get("002-column-params").modelAnswer());
        assertEquals("(None, 98, 98, 256)", s.get("000-dense-shape").modelAnswer());
    }

    @Test
    void twoStudentIdsGiveDifferentNumbers() {
        assertNotEquals(answers(Exercises.sheet("seeds", "s1001")), answers(Exercises.sheet("seeds", "s1002")));
    }

    @Test
    void theSameStudentIdGivesTheSameNumbers() {
        assertEquals(answers(Exercises.sheet("seeds", "s1001")), answers(Exercises.sheet("seeds", "s1001")));
        assertEquals(answers(Exercises.sheet("seeds", "s1001")), answers(Exercises.sheet("seeds").forStudent(" s1001 ")));
    }

    @Test
    void aStudentVariantChangesMostGeneratedAnswers() {
        List<String> base = answers(Exercises.sheet("seeds")), mine = answers(Exercises.sheet("seeds", "s1001"));
        long same = 0;
        for (int i = 0; i < base.size(); i++) if (base.get(i).equals(mine.get(i)) && !base.get(i).isEmpty()) same++;
        assertTrue(same <= 4, "only " + same + " of " + base.size() + " answers may coincide by chance");
    }

    @ParameterizedTest
    @MethodSource("seedIds")
    void referenceAnswerEarnsFullMarks(String id) {
        Exercise e = Exercises.sheet("seeds", "s1001").get(id);
        String answer = id.equals("none-meaning") ? "the batch size" : e.modelAnswer();
        Feedback f = e.grade(answer);
        assertEquals(Feedback.Verdict.CORRECT, f.verdict(), f.toText());
        assertEquals(e.max(), f.points());
    }

    @ParameterizedTest
    @MethodSource("seedIds")
    void emptyAnswerSaysNoAnswerYet(String id) {
        Feedback f = Exercises.sheet("seeds").get(id).grade("");
        assertEquals(Feedback.Verdict.NO_ANSWER, f.verdict());
        assertEquals("No answer yet: write your answer between the quotes", f.summary());
    }

    @Test
    void formulaIsHeldBackUntilTheTeachersNumberOfWrongTries() {
        Exercises s = Exercises.sheet("seeds").revealFormulaAfter(2);
        Exercise e = s.get("003-conv-params");
        assertEquals("", e.check("400").formula());
        assertTrue(e.check("401").formula().contains("3×3×3×16 + 16 = 448"));
    }

    @Test
    void formulaFollowsTheFirstWrongAnswerByDefault() {
        assertTrue(Exercises.sheet("seeds").get("003-conv-params").check("400").formula().contains("= 448"));
    }

    @Test
    void hintsGoFromWordsToTheSymbolicFormulaWithoutTheNumber() {
        Exercise e = Exercises.sheet("seeds").get("003-conv-params");
        Golden.assertMatches(getClass(), "hints", e.hint() + "\n" + e.hint() + "\n" + e.hint() + "\n");
    }

    @Test
    void questionRendersAsTextAndHtml() {
        Exercise e = Exercises.sheet("seeds").get("003-conv-shape");
        Golden.assertMatches(getClass(), "question-text", e.toText());
        Golden.assertMatches(getClass(), "question-html", e.toHtml());
    }

    @Test
    void feedbackRendersAsHtmlForNotebooks() {
        Golden.assertMatches(getClass(), "feedback-html", Exercises.sheet("seeds").get("003-conv-params").grade("432").toHtml());
    }

    @Test
    void setFromAnyModelAsksShapesParamsAndFlattenSizes() {
        Exercises s = Exercises.from(SeedModels.threeConvBlocks());
        assertEquals(List.of("conv2d-shape", "conv2d-params", "max_pooling2d-shape"), s.list().stream().limit(3).map(Exercise::id)
                .map(id -> id.replaceAll("_\\d+(?=-)", "")).toList());
        assertTrue(s.list().stream().anyMatch(e -> e.id().endsWith("-size") && e.modelAnswer().equals("18,496")));
    }

    @Test
    void setFromAnyModelVariesPerStudent() {
        Exercises s = Exercises.from(SeedModels.threeConvBlocks());
        assertNotEquals(answers(s.forStudent("a")), answers(s.forStudent("b")));
        assertEquals(answers(s.forStudent("a")), answers(s.forStudent("a")));
    }

    @Test
    void modelWithUnsupportedLayersStillGetsExercisesButNoVariants() {
        Names.reset();
        var m = new Sequential();
        m.add(new Conv2D(4, 3).kernelSize(3, 5).inputShape(10, 10, 1));
        Exercises s = Exercises.from(m);
        assertEquals("(None, 8, 6, 4)", s.get(m.layers().get(0).name() + "-shape").modelAnswer());
        assertEquals("(None, 8, 6, 4)", s.forStudent("a").get(m.layers().get(0).name() + "-shape").modelAnswer());
    }

    @Test
    void buildingASheetDoesNotShiftTheLearnersLayerNames() {
        Names.reset();
        Exercises.sheet("seeds");
        assertEquals("conv2d", new Conv2D(1, 1).name());
    }

    @Test
    void unknownExerciseIdListsTheKnownOnes() {
        ConfigException e = assertThrows(ConfigException.class, () -> Exercises.sheet("seeds").get("nope"));
        assertTrue(e.getMessage().contains("000-conv-shape"), e.getMessage());
    }
}
