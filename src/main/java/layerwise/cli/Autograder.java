package layerwise.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import layerwise.exercise.Grading;
import layerwise.exercise.SheetFile;
import layerwise.kernel.grader.Grader;
import layerwise.kernel.grader.NotebookRunner;

/**
 * {@code ./layerwise autograder --sheet FILE --output autograder.zip}: a Gradescope autograder.
 * Gradescope runs {@code setup.sh} once (Java 17 from the distribution's packages), then
 * {@code run_autograder} in one container per submission; that calls {@code autograder --run}, which
 * grades {@code $AUTOGRADER_ROOT/submission/*.ipynb} (root /autograder by default) for the student
 * in {@code submission_metadata.json} and writes {@code results/results.json}, one test per question.
 */
final class Autograder {
    private final PrintStream out, err;

    Autograder(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(String[] args) {
        String sheet = null, output = null, root = System.getenv().getOrDefault("AUTOGRADER_ROOT", "/autograder");
        boolean grade = false;
        long timeout = 300;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--help", "-h" -> {
                    out.print(HELP);
                    return 0;
                }
                case "--sheet" -> sheet = GradeSheet.value("autograder", args, ++i, USAGE);
                case "--output" -> output = GradeSheet.value("autograder", args, ++i, USAGE);
                case "--run" -> grade = true;
                case "--root" -> root = GradeSheet.value("autograder", args, ++i, USAGE);
                case "--timeout" -> timeout = GradeSheet.positive("autograder", "--timeout", GradeSheet.value("autograder", args, ++i, USAGE));
                default -> throw new UsageException("autograder: unknown argument " + args[i] + "\n" + USAGE);
            }
        }
        SheetFile file = GradeSheet.open("autograder", sheet);
        if (grade) return grade(file, Path.of(root), timeout);
        if (output == null) throw new UsageException("autograder: give --output autograder.zip\n" + USAGE);
        return zip(file, Path.of(output));
    }

    private int zip(SheetFile sheet, Path output) {
        Path jar = runnableJar();
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(output))) {
            put(zip, "setup.sh", SETUP.getBytes(StandardCharsets.UTF_8));
            put(zip, "run_autograder", RUN.getBytes(StandardCharsets.UTF_8));
            put(zip, "sheet.json", sheet.toJson().getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("layerwise.jar"));
            Files.copy(jar, zip);
            zip.closeEntry();
        } catch (IOException e) {
            err.println("autograder: cannot write " + output + ": " + e.getMessage());
            return 1;
        }
        out.println("Wrote " + output + " for sheet '" + sheet.name() + "': upload it as the autograder of a Gradescope programming assignment.");
        return 0;
    }

    /** The jar with Layerwise and everything it uses (the shaded one), which Gradescope runs with java -jar. */
    private static Path runnableJar() {
        Path jar = Home.jar();
        try (java.util.jar.JarFile j = new java.util.jar.JarFile(jar.toFile())) {
            if (j.getManifest() != null && j.getManifest().getMainAttributes().getValue("Main-Class") != null) return jar;
        } catch (IOException unreadable) {
            // look beside it
        }
        Path shaded = jar.resolveSibling("layerwise.jar");
        if (Files.isRegularFile(shaded)) return shaded;
        throw new UsageException("autograder: " + jar + " is not the runnable jar; run ./layerwise once (or mvn package) to build target/layerwise.jar");
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        ZipEntry e = new ZipEntry(name);
        zip.putNextEntry(e);
        zip.write(bytes);
        zip.closeEntry();
    }

    /** Inside Gradescope's container: grades the submission and writes results/results.json. */
    private int grade(SheetFile sheet, Path root, long timeout) {
        List<Path> notebooks;
        try (Stream<Path> files = Files.list(root.resolve("submission"))) {
            notebooks = files.filter(p -> p.toString().endsWith(".ipynb")).sorted(Comparator.naturalOrder()).toList();
        } catch (IOException e) {
            throw new UsageException("autograder: no folder " + root.resolve("submission") + " (set AUTOGRADER_ROOT)");
        }
        String id = studentId(root.resolve("submission_metadata.json"));
        Grader grader = new Grader(sheet, new NotebookRunner(Duration.ofSeconds(timeout), 1 << 20));
        Grading.Report best = null;
        for (Path nb : notebooks) {
            Grading.Report r = grader.grade(nb, id);
            if (best == null || r.total() > best.total()) best = r;
        }
        if (best == null) best = Grading.grade("(no notebook)", sheet.exercises(id), java.util.Map.of(), "the submission holds no .ipynb file");
        else if (notebooks.size() > 1) best = best.flagged(notebooks.size() + " notebooks were handed in; the one with the most points counts");
        try {
            Files.createDirectories(root.resolve("results"));
            Files.writeString(root.resolve("results").resolve("results.json"), GradeOutput.gradescope(best), StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("autograder: cannot write the results: " + e.getMessage());
            return 1;
        }
        out.println(best.toText());
        return 0;
    }

    /** The student's id in Gradescope's submission_metadata.json: the first user's sid, else their email. */
    static String studentId(Path metadata) {
        try {
            JsonObject m = JsonParser.parseString(Files.readString(metadata, StandardCharsets.UTF_8)).getAsJsonObject();
            JsonObject user = m.getAsJsonArray("users").get(0).getAsJsonObject();
            for (String key : List.of("sid", "email")) {
                JsonElement v = user.get(key);
                if (v != null && !v.isJsonNull() && !v.getAsString().isBlank()) return v.getAsString().trim();
            }
        } catch (IOException | RuntimeException unreadable) {
            // graded on the teacher's numbers, and the report says so
        }
        return "";
    }

    static final String USAGE = "Usage: ./layerwise autograder --sheet FILE|NAME --output autograder.zip";

    static final String HELP = USAGE + """


            Makes a Gradescope autograder for a sheet: upload the zip in the assignment's Configure Autograder page.
            Gradescope runs setup.sh once (it installs Java 17 from the distribution's packages) and, for each
            submission, run_autograder, which grades $AUTOGRADER_ROOT/submission/*.ipynb (AUTOGRADER_ROOT
            defaults to /autograder) for the student in submission_metadata.json (sid, else email) and writes
            results/results.json with one test per question. Exit 2 for a missing sheet.
            """;

    private static final String SETUP = """
            #!/usr/bin/env bash
            # Gradescope runs this once, as root, when it builds the autograder's image.
            set -euo pipefail
            apt-get update
            DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends openjdk-17-jdk-headless util-linux
            """;

    private static final String RUN = """
            #!/usr/bin/env bash
            # Gradescope runs this for each submission. The jar and the sheet sit beside this script
            # or in $AUTOGRADER_ROOT/source (where Gradescope unpacks the zip).
            set -euo pipefail
            export AUTOGRADER_ROOT="${AUTOGRADER_ROOT:-/autograder}"
            here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
            [ -f "$here/layerwise.jar" ] || here="$AUTOGRADER_ROOT/source"
            exec java --add-modules jdk.incubator.vector -Dfile.encoding=UTF-8 -jar "$here/layerwise.jar" \\
                autograder --run --sheet "$here/sheet.json" --root "$AUTOGRADER_ROOT"
            """;
}
