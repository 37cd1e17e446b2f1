package layerwise.kernel.grader;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import layerwise.exercise.Attempts;
import layerwise.exercise.Exercises;
import layerwise.exercise.Grading;

/**
 * Grades one notebook: runs it in a fresh JVM, reads back the answers it checked, and scores them
 * against the grader's own copy of the sheet, made from the sheet's name and the student id. A
 * notebook that edits its exercise cells or its models changes nothing: the expected answers are
 * made here, not read from the notebook.
 */
public final class Grader {
    private final NotebookRunner runner;
    private final String studentId, sheet;

    /**
     * @param studentId the id to grade as, or null to take the id the notebook used
     * @param sheet     the sheet to grade against, or null to take the one the notebook opened
     */
    public Grader(Duration timeout, long outputLimit, String studentId, String sheet) {
        this.runner = new NotebookRunner(timeout, outputLimit);
        this.studentId = studentId;
        this.sheet = sheet;
    }

    public Grading.Report grade(Path notebook) {
        NotebookRunner.Result run = runner.run(notebook);
        Attempts.Submission handedIn = Attempts.read(run.attempts());
        List<String> problems = new ArrayList<>(run.problems());
        String sheetName = sheet != null ? sheet : handedIn.sheet().isEmpty() ? "seeds" : handedIn.sheet();
        if (!Exercises.sheets().contains(sheetName)) {
            problems.add("the notebook used sheet '" + sheetName + "', which is not a named sheet; graded against 'seeds'");
            sheetName = "seeds";
        }
        String id = studentId != null ? studentId : handedIn.studentId();
        if (studentId != null && !handedIn.studentId().isEmpty() && !handedIn.studentId().equals(studentId)) {
            problems.add("the notebook used student id '" + handedIn.studentId() + "'; graded as '" + studentId + "'");
        }
        if (handedIn.answers().isEmpty() && problems.isEmpty()) problems.add("no answer was checked");
        return Grading.grade(notebook.toString(), Exercises.sheet(sheetName, id), handedIn.answers(), String.join("; ", problems));
    }
}
