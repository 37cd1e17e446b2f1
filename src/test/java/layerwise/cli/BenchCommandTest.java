package layerwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The bench command's arguments (the measuring itself is not a unit test: see the README, Speed). */
class BenchCommandTest {
    private final CommandLine cli = new CommandLine();

    private int run(String... args) { return cli.run(args); }

    @Test
    void unknownModelIsAUsageErrorNamingTheModels() {
        assertEquals(2, run("bench", "--models", "S2", "--format", "json"));
        assertTrue(cli.err().contains("unknown model 'S2'; the models are S1, S3, M, L and T"), cli.err());
    }

    @Test
    void unknownFlagIsAUsageErrorWithTheUsageLine() {
        assertEquals(2, run("bench", "--size", "1024"));
        assertTrue(cli.err().contains("unknown argument '--size'") && cli.err().contains("Usage: ./layerwise bench"), cli.err());
    }

    @Test
    void gemmSizeMustBeAPositiveWholeNumber() {
        assertEquals(2, run("bench", "--models", "none", "--gemm", "1024,abc"));
        assertTrue(cli.err().contains("--gemm needs a positive whole number, got 'abc'"), cli.err());
    }

    @Test
    void formatIsJsonOrText() {
        assertEquals(2, run("bench", "--models", "none", "--format", "xml"));
        assertTrue(cli.err().contains("--format is json or text, got 'xml'"), cli.err());
    }
}
