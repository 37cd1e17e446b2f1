package layerwise.kernel.grader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a graded notebook's writes inside its temporary folder. On Linux, where unprivileged user
 * namespaces are allowed, the notebook's JVM runs under {@code unshare} in a mount namespace of its
 * own in which every file system but that folder is mounted read-only: a notebook cannot touch its
 * classmates' files, the roster or the grader. Where that is not possible (Gradescope runs each
 * submission in a container of its own anyway) the JVM runs without it, still in the folder.
 */
final class Sandbox {
    private static final String SCRIPT = "/layerwise/kernel/grader/sandbox.sh";
    private static volatile Boolean available;

    private Sandbox() {}

    /** The words to put before {@code java ...}: empty when no sandbox can be made here. */
    static List<String> prefix(Path folder) {
        return available() ? words(folder) : List.of();
    }

    private static List<String> words(Path folder) {
        return List.of("unshare", "--user", "--map-root-user", "--mount", "--propagation", "private", "--",
                "/bin/sh", "-c", script(), "sandbox", folder.toAbsolutePath().toString());
    }

    /** Whether notebooks run read-only outside their folder; decided once, by trying. */
    static boolean available() {
        Boolean a = available;
        if (a == null) available = a = !Boolean.getBoolean("layerwise.grader.nosandbox") && tryIt();
        return a;
    }

    /** Runs {@code true} the way a notebook's JVM would run, in a throwaway folder. */
    private static boolean tryIt() {
        if (!System.getProperty("os.name", "").startsWith("Linux")) return false;
        Path folder = null;
        try {
            folder = Files.createTempDirectory("layerwise-sandbox");
            List<String> command = new ArrayList<>(words(folder));
            command.add("true");
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException | IllegalStateException e) {
            return false;
        } finally {
            if (folder != null) folder.toFile().delete();
        }
    }

    private static String script() {
        try (InputStream in = Sandbox.class.getResourceAsStream(SCRIPT)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException missing) {
            throw new IllegalStateException("the grader's sandbox script " + SCRIPT + " is missing from the jar", missing);
        }
    }
}
