package layerwise.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * {@code ./layerwise kernel install [--user|--sys-prefix|--prefix DIR]}: puts the Layerwise kernel into
 * Jupyter. Copies {@code kernel-spec/layerwise} with the jar beside kernel.json (so the installed kernel
 * keeps working after a rebuild or a clean), makes the spec start this very JDK (its absolute path), and hands the folder
 * to {@code jupyter kernelspec install}. Installs for the current user unless told otherwise.
 */
final class KernelInstall {
    static final String USAGE = "Usage: ./layerwise kernel install [--user|--sys-prefix|--prefix DIR]";

    private KernelInstall() {}

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || !args[0].equals("install")) throw new UsageException(USAGE);
        List<String> where = where(args);
        Path spec = Home.dir().resolve("kernel-spec").resolve("layerwise");
        if (!Files.isRegularFile(spec.resolve("kernel.json"))) {
            err.println("Cannot find " + spec.resolve("kernel.json") + ": run this from a Layerwise checkout.");
            return 1;
        }
        Path staging = null;
        try {
            staging = Files.createTempDirectory("layerwise-kernelspec").resolve("layerwise");
            copySpec(spec, staging);
            List<String> command = new ArrayList<>(List.of(jupyter(), "kernelspec", "install", staging.toString(),
                    "--name", "layerwise", "--replace"));
            command.addAll(where);
            Process p = new ProcessBuilder(command).inheritIO().start();
            int code = p.waitFor();
            if (code != 0) err.println("jupyter kernelspec install failed (exit " + code + ").");
            else out.println("Open a notebook with: jupyter notebook notebooks/   (kernel \"Java (Layerwise)\")");
            return code == 0 ? 0 : 1;
        } catch (IOException e) {
            err.println("Could not install the kernel: " + e.getMessage()
                    + (e.getMessage() != null && e.getMessage().contains("jupyter") ? "\nInstall Jupyter first (Debian: sudo apt-get install jupyter-notebook)." : ""));
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } finally {
            if (staging != null) deleteTree(staging.getParent());
        }
    }

    private static List<String> where(String[] args) {
        List<String> where = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--user", "--sys-prefix" -> where.add(args[i]);
                case "--prefix" -> {
                    if (i + 1 >= args.length) throw new UsageException("--prefix needs a directory.\n" + USAGE);
                    where.add("--prefix");
                    where.add(Path.of(args[++i]).toAbsolutePath().toString());
                }
                default -> throw new UsageException("Unknown option '" + args[i] + "'.\n" + USAGE);
            }
        }
        if (where.isEmpty()) where.add("--user");
        if (where.size() > 1 && !(where.size() == 2 && where.get(0).equals("--prefix"))) {
            throw new UsageException("Choose one of --user, --sys-prefix, --prefix DIR.\n" + USAGE);
        }
        return where;
    }

    /** The spec folder with the jar added and argv[0] set to this JDK's java. */
    private static void copySpec(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.copy(Home.jar(), to.resolve("layerwise.jar"), StandardCopyOption.REPLACE_EXISTING);
        JsonObject spec = JsonParser.parseString(Files.readString(to.resolve("kernel.json"))).getAsJsonObject();
        JsonArray argv = spec.getAsJsonArray("argv");
        // The java that runs this install (the launcher's: JAVA_HOME, else the one on PATH) runs the kernel.
        JsonArray launch = new JsonArray();
        launch.add(Home.jdkTool("java"));
        Home.quietJdkOptions().forEach(launch::add);
        for (int i = 1; i < argv.size(); i++) launch.add(argv.get(i));
        spec.add("argv", launch);
        Files.writeString(to.resolve("kernel.json"), new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(spec) + "\n");
    }

    /** Debian's jupyter first: the python3 on PATH may be another Python without Jupyter. */
    static String jupyter() {
        return Files.isExecutable(Path.of("/usr/bin/jupyter")) ? "/usr/bin/jupyter" : "jupyter";
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a leftover temporary folder is harmless
        }
    }
}
