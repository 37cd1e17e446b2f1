package layerwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The bench command's arguments (the measuring itself is not a unit test: see the README, Speed). */
class BenchCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() { return err.toString(StandardCharsets.UTF_8); }

    @Test
    void unknownModelIsAUsageErrorNamingTheModels() {
        assertEquals(2, run("bench", "--models", "S2", "--format", "json"));
        assertTrue(err().contains("unknown model 'S2'; the models are S1, S3, M, L and T"), err());
    }

    @Test
    void unknownFlagIsAUsageErrorWithTheUsageLine() {
        assertEquals(2, run("bench", "--size", "1024"));
        assertTrue(err().contains("unknown argument '--size'") && err().contains("Usage: ./layerwise bench"), err());
    }

    @Test
    void gemmSizeMustBeAPositiveWholeNumber() {
        assertEquals(2, run("bench", "--models", "none", "--gemm", "1024,abc"));
        assertTrue(err().contains("--gemm needs a positive whole number, got 'abc'"), err());
    }

    @Test
    void formatIsJsonOrText() {
        assertEquals(2, run("bench", "--models", "none", "--format", "xml"));
        assertTrue(err().contains("--format is json or text, got 'xml'"), err());
    }
}
