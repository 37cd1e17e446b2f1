package layerwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The Gradescope autograder end to end: the zip that {@code ./layerwise autograder} writes is
 * unpacked into a simulated /autograder tree (a temporary AUTOGRADER_ROOT), a submission is put in
 * submission/, and {@code run_autograder} writes results/results.json as Gradescope reads it.
 */
@Tag("exercises")
class AutograderIT {
    private static final Path SHEET = Path.of("notebooks", "exercises", "lenet.json");

    private static String run(String... args) {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream p = new PrintStream(sink, true, StandardCharsets.UTF_8);
        int code = Main.run(args, p, p);
        assertEquals(0, code, sink.toString(StandardCharsets.UTF_8));
        return sink.toString(StandardCharsets.UTF_8);
    }

    private static void unzip(Path zip, Path into) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                Path out = into.resolve(e.getName());
                Files.createDirectories(out.getParent());
                Files.copy(in, out);
            }
        }
    }

    @Test
    void runAutograderGradesTheSubmissionForTheStudentInTheMetadata(@TempDir Path root) throws Exception {
        Path zip = root.resolve("autograder.zip");
        run("autograder", "--sheet", SHEET.toString(), "--output", zip.toString());
        unzip(zip, root.resolve("source"));
        assertTrue(Files.readString(root.resolve("source/setup.sh")).contains("apt-get install -y --no-install-recommends openjdk-17-jdk-headless"));
        Files.createDirectories(root.resolve("submission"));
        run("exercises", "--sheet", SHEET.toString(), "--teacher", "--student-id", "s42", "--output",
                root.resolve("submission/lenet.ipynb").toString());
        Files.writeString(root.resolve("submission_metadata.json"),
                "{\"id\": 1, \"users\": [{\"email\": \"ada@example.org\", \"name\": \"Ada\", \"sid\": \"s42\"}]}");
        ProcessBuilder pb = new ProcessBuilder("bash", root.resolve("source/run_autograder").toString()).redirectErrorStream(true);
        pb.environment().put("AUTOGRADER_ROOT", root.toString());
        pb.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"));
        Process p = pb.start();
        String log;
        try (InputStream out = p.getInputStream()) {
            log = new String(out.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(p.waitFor(10, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), log);
        JsonObject results = JsonParser.parseString(Files.readString(root.resolve("results/results.json"))).getAsJsonObject();
        assertEquals(14.0, results.get("score").getAsDouble(), log);
        JsonArray tests = results.getAsJsonArray("tests");
        assertEquals(9, tests.size());
        assertEquals(List.of("name", "score", "max_score", "status", "output"), List.copyOf(tests.get(0).getAsJsonObject().keySet()));
        assertEquals("conv2-shape", tests.get(0).getAsJsonObject().get("name").getAsString());
        assertEquals(3.0, tests.get(0).getAsJsonObject().get("max_score").getAsDouble());
        assertEquals("s42", results.getAsJsonObject("extra_data").get("student_id").getAsString());
    }

    @Test
    void theEmailStandsInForAMissingSid(@TempDir Path root) throws IOException {
        Files.writeString(root.resolve("m.json"), "{\"users\": [{\"email\": \"ada@example.org\", \"sid\": \"\"}]}");
        assertEquals("ada@example.org", Autograder.studentId(root.resolve("m.json")));
    }
}
