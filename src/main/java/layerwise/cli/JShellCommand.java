package layerwise.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import layerwise.kernel.Startup;

/**
 * {@code ./layerwise jshell [SCRIPT.jsh]}: JShell with the Layerwise jar on the class path, the Vector
 * API module in the JVM that runs the snippets, and the kernel's startup imports, so
 * {@code var model = new Sequential();} works at the first prompt. A script runs and then JShell ends,
 * even when the script has no {@code /exit} of its own.
 */
final class JShellCommand {
    private JShellCommand() {}

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
            List<String> command = new ArrayList<>(List.of(Home.jdkTool("jshell"),
                    "--class-path", Home.jar().toString(),
                    "-R--add-modules=jdk.incubator.vector", "-R-Djava.awt.headless=true", "-R-Dfile.encoding=UTF-8",
                    "-J-Dfile.encoding=UTF-8", "--startup", "DEFAULT", "--startup", startup.toString()));
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
