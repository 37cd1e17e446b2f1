package layerwise.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import layerwise.kernel.Startup;

/**
 * {@code ./layerwise jshell [SCRIPT.jsh]}: JShell with the Layerwise jar on the class path, snippets run
 * in JShell's own JVM by Layerwise's engine (the Vector API module added), and the kernel's startup imports, so
 * {@code var model = new Sequential();} works at the first prompt. A script runs and then JShell ends,
 * even when the script has no {@code /exit} of its own.
 */
final class JShellCommand {
    /** layerwise.kernel.JShellEngine: shows a Layerwise error as its explanation, without JShell's stack trace. */
    private static final String ENGINE = "layerwise";

    private JShellCommand() {}

    /**
     * JShell keeps its settings in Java's user preferences; the JVM that first creates their folder prints
     * "INFO: Created user preferences directory." Creating it here, owner-only as the JDK does, keeps a
     * student's first session free of that line.
     */
    private static void createPreferencesFolder() {
        Path prefs = Path.of(System.getProperty("user.home"), ".java", ".userPrefs");
        if (Files.isDirectory(prefs)) return;
        try {
            Files.createDirectories(prefs);
            if (prefs.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(prefs.getParent(), PosixFilePermissions.fromString("rwx------"));
                Files.setPosixFilePermissions(prefs, PosixFilePermissions.fromString("rwx------"));
            }
        } catch (IOException | UnsupportedOperationException e) {
            // JShell then creates the folder itself and prints its note: harmless.
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 1) throw new UsageException("Usage: ./layerwise jshell [SCRIPT.jsh]");
        if (args.length == 1 && !Files.isRegularFile(Path.of(args[0]))) {
            err.println("No such script: " + args[0]);
            return 1;
        }
        try {
            Path startup = Files.createTempFile("layerwise-startup", ".jsh");
            Files.writeString(startup, String.join("\n", Startup.linesForThisBuild()) + "\n", StandardCharsets.UTF_8);
            startup.toFile().deleteOnExit();
            createPreferencesFolder();
            String jar = Home.jar().toString();
            List<String> command = new ArrayList<>(List.of(Home.jdkTool("jshell"),
                    "--class-path", jar, "--execution", ENGINE, "-J--class-path=" + jar,
                    "-J--add-modules=jdk.incubator.vector", "-J-Djava.awt.headless=true", "-J-Dfile.encoding=UTF-8",
                    "-J-Duser.home=" + System.getProperty("user.home")));
            for (String option : Home.quietJdkOptions()) command.add("-J" + option);
            command.addAll(List.of("--startup", "DEFAULT", "--startup", startup.toString()));
            if (args.length == 1) {
                Path exit = Files.createTempFile("layerwise-exit", ".jsh");
                Files.writeString(exit, "/exit\n");
                exit.toFile().deleteOnExit();
                command.add(args[0]);
                command.add(exit.toString());
            }
            return new ProcessBuilder(command).inheritIO().start().waitFor();
        } catch (IOException e) {
            err.println("Could not start jshell: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}
