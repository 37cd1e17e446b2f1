package layerwise.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import layerwise.Golden;

/** Scoring recorded answers against the grader's own sheet. */
@Tag("exercises")
class GradingTest {
    private final Exercises sheet = Exercises.sheet("seeds");

    @Test
    void unansweredExercisesScoreZeroAndTheTotalAddsUp() {
        // 448 → 2 of 2; 432 would be 1 of 2; (None, 150, 150, 16) → 1 of 3 (channels only)
        Grading.Report r = Grading.grade("nb.ipynb", sheet, Map.of("003-conv-params", "448", "003-conv-shape", "(None, 150, 150, 16)"), "");
        assertEquals(3, r.total());
        assertEquals(46, r.max());
        assertEquals(0, r.exercises().get(0).points());
        assertEquals("No answer yet: not answered", r.exercises().get(0).feedback());
    }

    @Test
    void jsonHasTheContractKeys() {
        Grading.Report r = Grading.grade("nb.ipynb", sheet, Map.of("003-conv-params", "432"), "");
        JsonObject o = JsonParser.parseString(r.toJson()).getAsJsonObject();
        assertEquals(List.of("notebook", "student_id", "sheet", "exercises", "total", "max", "reason"), List.copyOf(o.keySet()));
        JsonObject row = o.getAsJsonArray("exercises").get(13).getAsJsonObject();
        assertEquals(List.of("id", "points", "max", "feedback"), List.copyOf(row.keySet()));
        assertEquals("003-conv-params", row.get("id").getAsString());
        assertEquals(1.0, row.get("points").getAsDouble());
        assertEquals("Partly right: missing bias: + F = 16 bias terms", row.get("feedback").getAsString());
    }

    @Test
    void textReportListsEveryExerciseAndTheTotal() {
        Grading.Report r = Grading.grade("nb.ipynb", sheet, Map.of("003-conv-params", "432", "none-meaning", "batch size"),
                "code cell 4 threw java.lang.IllegalStateException: boom");
        Golden.assertMatches(getClass(), "report", r.toText());
    }

    @Test
    void pointsPrintWithoutTrailingZeros() {
        assertEquals("2", Grading.points(2.0));
        assertEquals("1.5", Grading.points(1.5));
        assertEquals("0.67", Grading.points(2.0 / 3));
    }
}
