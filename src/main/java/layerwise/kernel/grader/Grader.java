package layerwise.kernel.grader;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import layerwise.exercise.Attempts;
import layerwise.exercise.Grading;
import layerwise.exercise.SheetFile;

/**
 * Grades one notebook for one student: runs it in a fresh JVM, reads back the answers it checked,
 * and scores them against the grader's own copy of the sheet, on the numbers of the student id the
 * teacher gives (from a roster or the submission's folder), never the id the notebook wrote. A
 * notebook that opened another sheet or another id is graded all the same, and flagged.
 */
public final class Grader {
    private final SheetFile sheet;
    private final NotebookRunner runner;

    public Grader(SheetFile sheet, NotebookRunner runner) {
        this.sheet = sheet;
        this.runner = runner;
    }

    public Grader(SheetFile sheet, Duration timeout, long outputLimit) { this(sheet, new NotebookRunner(timeout, outputLimit)); }

    /** @param studentId the id the teacher's roster gives; "" grades on the teacher's numbers, and says so */
    public Grading.Report grade(Path notebook, String studentId) {
        String id = studentId == null ? "" : studentId.trim();
        NotebookRunner.Result run = runner.run(notebook);
        Attempts.Submission handedIn = Attempts.read(run.attempts());
        List<String> problems = new ArrayList<>(run.problems());
        if (!handedIn.sheet().isEmpty() && !handedIn.sheet().equals(sheet.name())) {
            problems.add("the notebook opened sheet '" + handedIn.sheet() + "'; graded against '" + sheet.name() + "'");
        }
        if (!handedIn.answers().isEmpty() && !handedIn.studentId().equals(id)) {
            problems.add("the notebook used student id '" + handedIn.studentId() + "'; graded as '" + id + "'"
                    + (id.isEmpty() ? " (no roster entry or submitted/<id>/ folder: the teacher's numbers)" : " (the roster's)"));
        }
        if (handedIn.answers().isEmpty() && problems.isEmpty()) problems.add("no answer was checked");
        return Grading.grade(notebook.toString(), sheet.exercises(id), handedIn.answers(), String.join("; ", problems));
    }
}
