package layerwise.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the Jupyter tests share: Debian's Jupyter (the tests are skipped without it), the built jar, and
 * one installation of the kernel into a temporary prefix through {@code layerwise kernel install}, the
 * command a user runs. Every Jupyter process gets its own config, data and runtime folders there.
 */
final class Jupyter {
    static final Path JUPYTER = Path.of("/usr/bin/jupyter");
    static final Path PYTHON = Path.of("/usr/bin/python3");
    static final Path HOME = Path.of(System.getProperty("user.dir"));
    static final Path JAR = HOME.resolve("target").resolve("layerwise.jar");
    private static Path prefix;

    /** A finished process: its exit code and everything it printed (stdout and stderr together). */
    record Run(int exitCode, String output) {}

    private Jupyter() {}

    static void assumeInstalled() {
        assumeTrue(Files.isExecutable(JUPYTER), "/usr/bin/jupyter is not installed (.ci/setup installs it)");
    }

    /** Installs the kernel once per test JVM and returns the prefix it went to. */
    static synchronized Path kernelPrefix() throws IOException, InterruptedException {
        if (prefix != null) return prefix;
        Path dir = Files.createTempDirectory("layerwise-jupyter");
        Run r = run(layerwise("kernel", "install", "--prefix", dir.toString()), null, launcherEnvironment(), 120);
        assertEquals(0, r.exitCode(), "kernel install failed:\n" + r.output());
        prefix = dir;
        return prefix;
    }

    /** The environment that makes Jupyter find the test installation and nothing of the user's. */
    static Map<String, String> environment() throws IOException, InterruptedException {
        Path p = kernelPrefix();
        return Map.of("JUPYTER_PATH", p.resolve("share/jupyter").toString(),
                "JUPYTER_CONFIG_DIR", p.resolve("config").toString(),
                "JUPYTER_DATA_DIR", p.resolve("data").toString(),
                "JUPYTER_RUNTIME_DIR", p.resolve("runtime").toString(),
                "PYTHONDONTWRITEBYTECODE", "1");
    }

    /**
     * The JDK the Layerwise commands run on: the one named by {@code -Dlayerwise.it.jdk} (so CI can test
     * JDK 25 from a build on 17), else the one running the tests. The kernel installed from it runs on it.
     */
    static Path jdk() {
        return Path.of(System.getProperty("layerwise.it.jdk", System.getProperty("java.home")));
    }

    /** {@code ./layerwise ARGS}, the launcher a student runs; start it with {@link #launcherEnvironment()}. */
    static List<String> layerwise(String... args) {
        List<String> command = new ArrayList<>(List.of(HOME.resolve("layerwise").toString()));
        command.addAll(List.of(args));
        return command;
    }

    /**
     * The launcher on {@link #jdk()} (through JAVA_HOME, as a student picks a JDK), with this test JVM's
     * user.home (a fresh folder, set by the pom), so what a student sees on a first run is what the tests see.
     */
    static Map<String, String> launcherEnvironment() {
        return Map.of("JAVA_HOME", jdk().toString(), "LAYERWISE_JAVA_OPTS", "-Duser.home=" + System.getProperty("user.home"));
    }

    static Run run(List<String> command, String stdin, Map<String, String> env, int timeoutSeconds)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile("layerwise-run", ".log");
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        if (stdin != null) p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out after " + timeoutSeconds + " s: " + command + "\n" + Files.readString(log));
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        return new Run(p.exitValue(), out);
    }
}
