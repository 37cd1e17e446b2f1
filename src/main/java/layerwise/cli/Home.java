package layerwise.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Where Layerwise lives: the checkout ({@code -Dlayerwise.home}, set by the launcher) and the built jar. */
final class Home {
    private Home() {}

    static Path dir() {
        String home = System.getProperty("layerwise.home");
        if (home != null) return Path.of(home);
        Path jar = jar();
        // target/layerwise.jar -> the checkout
        return jar.getParent() != null && jar.getParent().getParent() != null ? jar.getParent().getParent() : Path.of(".");
    }

    /** The running jar; the commands that start other JVMs need it on their class path. */
    static Path jar() {
        try {
            Path p = Path.of(Home.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(p)) return p;
        } catch (URISyntaxException | SecurityException e) {
            // fall through to the default place
        }
        String home = System.getProperty("layerwise.home", ".");
        Path built = Path.of(home, "target", "layerwise.jar");
        if (!Files.isRegularFile(built)) {
            throw new UsageException("The Layerwise jar is not built yet: run ./layerwise once (or mvn package), then try again.");
        }
        return built;
    }

    /**
     * JVM options that keep the JDK's own notices away from the student: from JDK 24 on, a dependency's use
     * of {@code sun.misc.Unsafe} prints a deprecation warning unless allowed. Older JDKs refuse the option.
     */
    static List<String> quietJdkOptions() {
        return Runtime.version().feature() >= 24 ? List.of("--sun-misc-unsafe-memory-access=allow") : List.of();
    }

    /** A JDK tool next to the running java: the same JDK runs the kernel and JShell. */
    static String jdkTool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }
}
