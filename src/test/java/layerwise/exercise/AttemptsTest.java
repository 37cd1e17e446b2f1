package layerwise.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The answer log the grader reads back from a notebook's JVM. */
@Tag("exercises")
class AttemptsTest {

    @AfterEach
    void noLogFile() {
        System.clearProperty(Attempts.FILE_PROPERTY);
        Attempts.clear();
    }

    @Test
    void everyCheckIsAppendedToTheGradersLogAtOnce(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("attempts.jsonl");
        System.setProperty(Attempts.FILE_PROPERTY, log.toString());
        Exercises s = Exercises.sheet("seeds", "s7");
        s.check("003-conv-params", "432");
        s.check("003-conv-params", "448");
        s.check("003-flat-size", "(18496,)");
        Attempts.Submission got = Attempts.read(Files.readAllLines(log, StandardCharsets.UTF_8));
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
