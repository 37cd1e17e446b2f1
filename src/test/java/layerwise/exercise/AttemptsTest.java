package layerwise.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The answer log the grader reads back from a notebook's JVM. */
@Tag("exercises")
class AttemptsTest {

    /** The stream the grader's agent hands over; in this JVM the first test to run gets it, as the agent would. */
    private static final ByteArrayOutputStream GRADER = new ByteArrayOutputStream();

    @AfterEach
    void clear() {
        Attempts.clear();
    }

    @Test
    void everyCheckIsHandedToTheGraderAtOnceAndOnlyTheFirstStreamCounts() {
        Attempts.handInTo(GRADER);
        Attempts.handInTo(new ByteArrayOutputStream());   // a notebook trying to take the answers elsewhere
        GRADER.reset();
        Exercises s = Exercises.sheet("seeds", "s7");
        s.check("003-conv-params", "432");
        s.check("003-conv-params", "448");
        s.check("003-flat-size", "(18496,)");
        Attempts.Submission got = Attempts.read(GRADER.toString(StandardCharsets.UTF_8).lines().toList());
        assertEquals("seeds", got.sheet());
        assertEquals("s7", got.studentId());
        assertEquals(Map.of("003-conv-params", "448", "003-flat-size", "(18496,)"), got.answers());
        assertEquals(2, got.tries().get("003-conv-params"));
    }

    @Test
    void garbledLinesAreSkipped() {
        Attempts.Submission got = Attempts.read(List.of("{not json", "",
                "{\"sheet\":\"seeds\",\"student\":\"a\",\"exercise\":\"none-meaning\",\"answer\":\"batch\"}"));
        assertEquals(Map.of("none-meaning", "batch"), got.answers());
    }

    @Test
    void anEmptyLogIsAnEmptySubmission() {
        assertEquals(Attempts.Submission.EMPTY, Attempts.read(List.of()));
    }
}
