package layerwise.kernel.grader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A class-data archive of the classes every graded notebook's JVM loads (the exercise library, its
 * models, Gson, JShell's agent), made once per grading run by a short JVM that loads them and exits.
 * Later notebook JVMs map it instead of reading and verifying those classes again. Until it is ready,
 * or where the JVM cannot make one, notebooks start without it.
 */
final class ClassArchive {
    private static CompletableFuture<Path> archive;

    private ClassArchive() {}

    /** The options that use the archive, once it exists; the first call starts making it. */
    static synchronized List<String> options(List<String> jvmOptions, String classPath) {
        if (archive == null) archive = CompletableFuture.supplyAsync(() -> make(jvmOptions, classPath));
        Path file = archive.getNow(null);
        return file == null ? List.of() : List.of("-XX:SharedArchiveFile=" + file);
    }

    private static Path make(List<String> jvmOptions, String classPath) {
        try {
            Path dir = Files.createTempDirectory("layerwise-classes");
            Path file = dir.resolve("notebook.jsa");
            dir.toFile().deleteOnExit();
            file.toFile().deleteOnExit();
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            command.addAll(jvmOptions);
            command.addAll(List.of("-XX:ArchiveClassesAtExit=" + file, "-cp", classPath, GradingAgent.class.getName(), GradingAgent.WARM_UP));
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) p.destroyForcibly();
            return p.exitValue() == 0 && Files.size(file) > 0 ? file : null;
        } catch (IOException | InterruptedException | IllegalThreadStateException e) {
            return null;
        }
    }
}
