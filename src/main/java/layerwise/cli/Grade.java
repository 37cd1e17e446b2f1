package layerwise.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import layerwise.exercise.Grading;
import layerwise.kernel.grader.Grader;

/**
 * {@code ./layerwise grade STUDENT.ipynb... [--student-id ID] [--format text|json|csv|gradescope]
 * [--timeout SECONDS] [--sheet NAME] [--output FILE]}: runs each notebook in a fresh JVM and prints the
 * points per exercise and the total. A notebook that fails, loops or exits gets a row with the reason.
 */
final class Grade {
    private static final long OUTPUT_LIMIT = 1 << 20;
    private final PrintStream out, err;

    Grade(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(String[] args) {
        List<Path> notebooks = new ArrayList<>();
        String studentId = null, sheet = null, format = "text", output = null;
        long timeout = 120;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--student-id" -> studentId = value(args, ++i, "--student-id");
                case "--sheet" -> sheet = value(args, ++i, "--sheet");
                case "--format" -> format = value(args, ++i, "--format");
                case "--output" -> output = value(args, ++i, "--output");
                case "--timeout" -> timeout = seconds(value(args, ++i, "--timeout"));
                default -> {
                    if (args[i].startsWith("--")) throw new UsageException("grade: unknown option " + args[i] + "\n" + USAGE);
                    notebooks.add(Path.of(args[i]));
                }
            }
        }
        if (notebooks.isEmpty()) throw new UsageException("grade: give at least one notebook\n" + USAGE);
        if (!List.of("text", "json", "csv", "gradescope").contains(format)) {
            throw new UsageException("grade: --format must be text, json, csv or gradescope, got '" + format + "'");
        }
        Grader grader = new Grader(Duration.ofSeconds(timeout), OUTPUT_LIMIT, studentId, sheet);
        List<Grading.Report> reports = new ArrayList<>();
        for (Path nb : notebooks) {
            if (format.equals("text") && notebooks.size() > 1) err.println("grading " + nb + " ...");
            reports.add(grader.grade(nb));
        }
        return write(GradeOutput.render(reports, format), output);
    }

    private int write(String text, String output) {
        if (output == null) {
            out.print(text);
            return 0;
        }
        try {
            Files.writeString(Path.of(output), text, StandardCharsets.UTF_8);
            return 0;
        } catch (IOException e) {
            err.println("grade: cannot write " + output + ": " + e.getMessage());
            return 1;
        }
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) throw new UsageException("grade: " + flag + " needs a value\n" + USAGE);
        return args[i];
    }

    private static long seconds(String s) {
        try {
            long v = Long.parseLong(s);
            if (v > 0) return v;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new UsageException("grade: --timeout needs a whole number of seconds above 0, got '" + s + "'");
    }

    static final String USAGE = "Usage: ./layerwise grade STUDENT.ipynb... [--student-id ID] [--format text|json|csv|gradescope]"
            + " [--timeout SECONDS] [--sheet NAME] [--output FILE]";
}
