package layerwise.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import layerwise.exercise.SheetNotebook;

/**
 * {@code ./layerwise exercises --sheet FILE|NAME [--student-id ID] [--teacher [--answer ID=TEXT]...] [--output FILE]}:
 * writes a sheet as a notebook. The student version has a {@code sheet.check("ID", "")} cell per
 * question and no answer (fixed answers only as salted hashes); the teacher version, for a student id,
 * has that student's answers filled in (a built-in sheet's written questions take theirs from --answer).
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
                case "--help", "-h" -> {
                    out.print(HELP);
                    return 0;
                }
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
        String nb = SheetNotebook.write(GradeSheet.open("exercises", sheet), studentId, teacher, fixed);
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

    static final String USAGE = "Usage: ./layerwise exercises --sheet FILE|NAME [--student-id ID] [--teacher [--answer ID=TEXT]...] [--output FILE]";

    static final String HELP = USAGE + """


            Writes an exercise sheet as a Jupyter notebook for the Layerwise kernel.
              --sheet FILE|NAME   a sheet file (.json) or a built-in sheet (seeds); default seeds
              --output FILE       the notebook (default: printed)
              --student-id ID     the id written into the first cell (the student's numbers)
              --teacher           the key: every answer filled in, on the numbers of --student-id
              --answer ID=TEXT    the answer to a written question whose sheet holds only hashes
            The student version holds no expected answer: each sheet.check("ID", "") cell shows its
            question, and written answers are stored only as salted hashes. Exit 2 for a missing sheet.
            """;
}
