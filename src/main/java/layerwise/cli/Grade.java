package layerwise.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import layerwise.exercise.Grading;
import layerwise.exercise.SheetFile;
import layerwise.kernel.grader.Grader;
import layerwise.kernel.grader.NotebookRunner;

/**
 * {@code ./layerwise grade --sheet FILE [--roster roster.csv] [--format text|json|csv|gradescope[,…]]
 * [--feedback DIR] [--output FILE] [--timeout S] [--jobs N] NOTEBOOK...}: runs each notebook in a
 * fresh JVM of its own, in parallel, and scores it for the student the roster names. One run writes
 * every format asked for, and a feedback page per student.
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
        String studentId = null, sheet = "seeds", output = null, roster = null, feedback = null, memory = "512m";
        List<String> formats = List.of("text");
        long timeout = 120;
        int jobs = Runtime.getRuntime().availableProcessors();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--help", "-h" -> {
                    out.print(HELP);
                    return 0;
                }
                case "--student-id" -> studentId = GradeSheet.value("grade", args, ++i, USAGE);
                case "--sheet" -> sheet = GradeSheet.value("grade", args, ++i, USAGE);
                case "--format" -> formats = GradeOutput.formats(GradeSheet.value("grade", args, ++i, USAGE));
                case "--output" -> output = GradeSheet.value("grade", args, ++i, USAGE);
                case "--roster" -> roster = GradeSheet.value("grade", args, ++i, USAGE);
                case "--feedback" -> feedback = GradeSheet.value("grade", args, ++i, USAGE);
                case "--memory" -> memory = GradeSheet.value("grade", args, ++i, USAGE);
                case "--timeout" -> timeout = GradeSheet.positive("grade", "--timeout", GradeSheet.value("grade", args, ++i, USAGE));
                case "--jobs" -> jobs = (int) GradeSheet.positive("grade", "--jobs", GradeSheet.value("grade", args, ++i, USAGE));
                default -> {
                    if (args[i].startsWith("--")) throw new UsageException("grade: unknown option " + args[i] + "\n" + USAGE);
                    notebooks.add(Path.of(args[i]));
                }
            }
        }
        if (notebooks.isEmpty()) throw new UsageException("grade: give at least one notebook\n" + USAGE);
        for (Path nb : notebooks) if (!Files.isRegularFile(nb)) throw new UsageException("grade: no notebook '" + nb + "'");
        if (formats.size() > 1 && output == null) throw new UsageException("grade: several formats need --output FILE (the others go beside it)");
        if (studentId != null && notebooks.size() > 1) throw new UsageException("grade: --student-id grades one notebook; for a class give --roster");
        SheetFile sheetFile = GradeSheet.open("grade", sheet);
        GradeRoster ids = roster == null ? GradeRoster.none() : GradeRoster.read(Path.of(roster));
        Grader grader = new Grader(sheetFile, new NotebookRunner(Duration.ofSeconds(timeout), OUTPUT_LIMIT, memory));
        List<Grading.Report> reports = sameAnswers(grade(grader, notebooks, ids, studentId, jobs));
        int code = 0;
        for (int f = 0; f < formats.size(); f++) {
            String text = GradeOutput.render(reports, formats.get(f));
            code = Math.max(code, output == null ? print(text) : write(text, GradeOutput.beside(Path.of(output), formats.get(f), f == 0)));
        }
        if (feedback != null) code = Math.max(code, pages(reports, Path.of(feedback)));
        return code;
    }

    private List<Grading.Report> grade(Grader grader, List<Path> notebooks, GradeRoster ids, String studentId, int jobs) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, notebooks.size()));
        try {
            List<Future<Grading.Report>> running = new ArrayList<>();
            for (Path nb : notebooks) {
                String id = studentId != null ? studentId : ids.idOf(nb);
                running.add(pool.submit(() -> grader.grade(nb, id)));
            }
            List<Grading.Report> reports = new ArrayList<>();
            for (int i = 0; i < running.size(); i++) {
                reports.add(running.get(i).get());
                if (notebooks.size() > 1) err.println("graded " + notebooks.get(i) + " (" + (i + 1) + "/" + notebooks.size() + ")");
            }
            return reports;
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("grading was interrupted: " + e.getMessage(), e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Flags notebooks of different students that hand in the same answers (three or more, not blank). */
    private static List<Grading.Report> sameAnswers(List<Grading.Report> reports) {
        Map<Map<String, String>, String> first = new LinkedHashMap<>();
        List<Grading.Report> out = new ArrayList<>();
        for (Grading.Report r : reports) {
            Map<String, String> answers = r.answers();
            String earlier = answers.size() < 3 ? null : first.putIfAbsent(answers, r.studentId() + " (" + r.notebook() + ")");
            out.add(earlier == null ? r : r.flagged("the same answers as " + earlier));
        }
        return out;
    }

    private int pages(List<Grading.Report> reports, Path dir) {
        try {
            Files.createDirectories(dir);
            for (Grading.Report r : reports) {
                String name = r.studentId().isEmpty() ? Path.of(r.notebook()).getFileName().toString().replaceAll("\\.ipynb$", "") : r.studentId();
                Files.writeString(dir.resolve(name.replaceAll("[^A-Za-z0-9_.@-]", "_") + ".html"), r.toHtml(), StandardCharsets.UTF_8);
            }
            return 0;
        } catch (IOException e) {
            err.println("grade: cannot write the feedback pages in " + dir + ": " + e.getMessage());
            return 1;
        }
    }

    private int print(String text) {
        out.print(text);
        return 0;
    }

    private int write(String text, Path file) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return 0;
        } catch (IOException e) {
            err.println("grade: cannot write " + file + ": " + e.getMessage());
            return 1;
        }
    }


    static final String USAGE = "Usage: ./layerwise grade --sheet FILE|NAME [--roster roster.csv] [--format text|json|csv|gradescope[,...]]"
            + " [--feedback DIR] [--output FILE] [--timeout SECONDS] [--jobs N] [--memory 512m] [--student-id ID] NOTEBOOK...";

    static final String HELP = USAGE + """


            Runs each notebook in a fresh JVM, in a temporary folder holding only its copy (read-only
            everywhere else where Linux allows it), and scores the answers it checked against your own
            copy of the sheet, for the student id your roster gives.
              --sheet FILE|NAME   a sheet file (.json) or a built-in sheet (seeds); default seeds
              --roster CSV        lines file,student_id; without it, submitted/<id>/.../x.ipynb gives the id
              --student-id ID     the id for a single notebook
              --format F[,F...]   text (default), json, csv, gradescope; several need --output
              --output FILE       the first format goes to FILE, the others beside it (.csv, .json, .txt)
              --feedback DIR      one HTML page per student: questions, answers, points, worked formulas
              --timeout S         seconds per notebook (default 120); --memory the heap limit (default 512m)
              --jobs N            notebooks graded at once (default: the number of cores)
            A notebook whose written id differs from the roster's is graded as the roster says and flagged;
            so are notebooks of different students with the same answers. Exit 2 for a missing file or sheet.
            """;
}
