package layerwise.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import layerwise.exercise.Exercises;
import layerwise.exercise.SheetNotebook;

/**
 * {@code ./layerwise exercises [--sheet NAME] [--student-id ID] [--teacher [--answer ID=TEXT]...] [--output FILE]}: writes a
 * sheet as a notebook. The student version has empty answers (and the student's id, if given); the
 * teacher version has the answers filled in (teacher-written questions, known here only by hash, take theirs
 * from --answer).
 */
final class ExerciseNotebook {
    private final PrintStream out, err;

    ExerciseNotebook(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(String[] args) {
        String sheet = "seeds", studentId = "", output = null;
        boolean teacher = false;
        Map<String, String> fixed = new java.util.LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--sheet" -> sheet = next(args, ++i);
                case "--student-id" -> studentId = next(args, ++i);
                case "--output" -> output = next(args, ++i);
                case "--teacher" -> teacher = true;
                case "--answer" -> {
                    String pair = next(args, ++i);
                    int eq = pair.indexOf('=');
                    if (eq <= 0) throw new UsageException("exercises: --answer needs ID=TEXT, got '" + pair + "'");
                    fixed.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
                default -> throw new UsageException("exercises: unknown argument " + args[i] + "\n" + USAGE);
            }
        }
        Exercises set = Exercises.sheet(sheet, teacher ? "" : studentId);
        String nb = SheetNotebook.write(set, studentId, teacher ? fixed : null);
        if (output == null) {
            out.print(nb);
            return 0;
        }
        try {
            Files.writeString(Path.of(output), nb, StandardCharsets.UTF_8);
            return 0;
        } catch (IOException e) {
            err.println("exercises: cannot write " + output + ": " + e.getMessage());
            return 1;
        }
    }

    private static String next(String[] args, int i) {
        if (i >= args.length) throw new UsageException("exercises: " + args[i - 1] + " needs a value\n" + USAGE);
        return args[i];
    }

    static final String USAGE = "Usage: ./layerwise exercises [--sheet NAME] [--student-id ID] [--teacher [--answer ID=TEXT]...] [--output FILE]";
}
