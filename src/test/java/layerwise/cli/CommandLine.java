package layerwise.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** The command line as a test calls it: {@link Main#run} with what it prints kept as text. */
final class CommandLine {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();

    /** Runs one command; returns its exit code. Output and errors add up across runs until cleared. */
    int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    String out() { return out.toString(StandardCharsets.UTF_8); }

    String err() { return err.toString(StandardCharsets.UTF_8); }

    /** Forgets what earlier runs printed to the output, so the next run's output can be read alone. */
    void clearOut() { out.reset(); }
}
