package layerwise.exercise;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

import layerwise.error.ConfigException;
import layerwise.error.Problem;
import layerwise.explain.Html;
import layerwise.model.Model;

/**
 * A set of exercises about one or more models, each checked by the library. Build one from any model
 * ({@code Exercises.from(model)}) or open a named sheet ({@code Exercises.sheet("seeds", "s1234")});
 * {@link #forStudent(String)} gives the same questions on other numbers (input sizes, filters,
 * strides), seeded by the student's id, so neighbours cannot copy numbers. The expected answers are
 * computed from the models when asked, never written into a notebook.
 */
public final class Exercises implements Iterable<Exercise> {
    private final String name, studentId;
    private final List<Exercise> list = new ArrayList<>();
    private final Function<String, Exercises> variants;
    private int revealAfter = 1;
    private SheetFile source;

    Exercises(String name, String studentId, List<? extends Exercise> exercises, Function<String, Exercises> variants) {
        this.name = name;
        this.studentId = studentId == null ? "" : studentId.trim();
        this.variants = variants;
        exercises.forEach(this::add);
    }

    /** The built-in sheets, by name: "seeds" (the four student questions Layerwise was made for). */
    public static List<String> sheets() { return List.of("seeds"); }

    /** A named sheet with the numbers of the original questions (the teacher's copy). */
    public static Exercises sheet(String name) { return sheet(name, ""); }

    /**
     * A built-in sheet, or a sheet file (a path ending in .json), with this student's numbers; the
     * same id always gives the same numbers.
     */
    public static Exercises sheet(String name, String studentId) { return file(name).exercises(studentId); }

    /** The sheet file behind a name: a built-in sheet, or a path to a sheet file. */
    public static SheetFile file(String name) {
        SheetFile builtIn = sheets().contains(name) ? SheetFile.resource(name) : null;
        if (builtIn != null) return builtIn;
        if (name.endsWith(".json") && java.nio.file.Files.isRegularFile(java.nio.file.Path.of(name))) return SheetFile.read(java.nio.file.Path.of(name));
        throw new ConfigException(Problem.at("Exercises.sheet")
                .headline("Unknown exercise sheet '" + name + "'.")
                .expected("one of " + sheets() + ", or the path of a sheet file (.json)").got("'" + name + "'")
                .fix("use Exercises.sheet(\"seeds\", yourStudentId), Exercises.load(Path.of(\"sheet.json\")), or Exercises.from(model)"));
    }

    /** The questions of a sheet file on the teacher's numbers. */
    public static Exercises load(java.nio.file.Path sheetFile) { return SheetFile.read(sheetFile).exercises(); }

    /** The questions of a sheet file on this student's numbers. */
    public static Exercises load(java.nio.file.Path sheetFile, String studentId) { return SheetFile.read(sheetFile).exercises(studentId); }

    /** A sheet from its JSON text, as a student's notebook holds it, on this student's numbers. */
    public static Exercises fromJson(String sheetJson, String studentId) { return SheetFile.parse(sheetJson).exercises(studentId); }

    /**
     * Exercises on any model: the output shape of every layer, the parameters of every layer that has
     * some, the length Flatten makes and the zeros 'same' padding adds. A chain of Conv2D,
     * MaxPooling2D, Dense and Flatten gets per-student variants.
     */
    public static Exercises from(Model model) { return SheetBuilder.about(model).build().exercises(); }

    /** The sheet file these questions come from. */
    public SheetFile sheetFile() { return source; }

    /** The same questions on this student's numbers. */
    public Exercises forStudent(String id) {
        Exercises v = variants.apply(id);
        v.revealAfter = revealAfter;
        return v;
    }

    Exercises from(SheetFile file) {
        source = file;
        return this;
    }

    public String name() { return name; }
    public String studentId() { return studentId; }
    public List<Exercise> list() { return List.copyOf(list); }
    public int size() { return list.size(); }
    @Override public Iterator<Exercise> iterator() { return list().iterator(); }

    /** The most points the set gives. */
    public double max() { return list.stream().mapToDouble(Exercise::max).sum(); }

    public Exercise get(String id) {
        return list.stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow(() -> new ConfigException(
                Problem.at(name).headline("No exercise '" + id + "' in " + name + ".")
                        .expected("one of " + list.stream().map(Exercise::id).toList()).got("'" + id + "'")
                        .fix("copy the id from the exercise's heading")));
    }

    /** Exercise number n, counted from 1 as in the headings. */
    public Exercise get(int number) {
        if (number < 1 || number > list.size()) {
            throw new ConfigException(Problem.at(name).headline("No exercise number " + number + " in " + name + ".")
                    .expected("a number from 1 to " + list.size()).got(Integer.toString(number))
                    .fix("use the number from the exercise's heading"));
        }
        return list.get(number - 1);
    }

    /** Checks an answer to exercise {@code id}, as {@code get(id).check(answer)}. */
    public Feedback check(String id, String answer) { return get(id).check(answer); }

    /** The next hint for exercise {@code id}, as {@code get(id).hint()}. */
    public String hint(String id) { return get(id).hint(); }

    /** The teacher's choice: show the worked formula only after this many wrong tries (default 1). */
    public Exercises revealFormulaAfter(int wrongTries) {
        revealAfter = Math.max(1, wrongTries);
        return this;
    }

    int revealAfter() { return revealAfter; }

    /** Adds a teacher-written question whose answer is known only by its salted hashes (see {@link #hashAnswer}). */
    public Exercises addFixed(String id, String prompt, String hint, String... saltedHashes) {
        add(new FixedExercise(id, prompt, List.of(saltedHashes), hint, 1));
        return this;
    }

    /** A salted hash of an answer, for {@link #addFixed}: the student's copy then holds only the hash. */
    public static String hashAnswer(String answer) { return FixedExercise.hash(answer); }

    private void add(Exercise e) {
        if (list.stream().anyMatch(x -> x.id().equals(e.id()))) {
            throw new ConfigException(Problem.at(name).headline("Exercise id '" + e.id() + "' is used twice.")
                    .expected("a different id for every exercise").got("'" + e.id() + "' again").fix("rename one of them"));
        }
        list.add(e);
        e.attach(this, list.size());
    }

    public String toText() {
        StringBuilder out = new StringBuilder("Exercise sheet '" + name + "'" + (studentId.isEmpty() ? "" : " for " + studentId)
                + ": " + list.size() + " exercises, " + Grading.points(max()) + " points\n");
        for (Exercise e : list) out.append("  ").append(e.heading()).append('\n');
        return out.toString();
    }

    public String toHtml() {
        StringBuilder out = new StringBuilder("<div class=\"layerwise-sheet\"><p><b>").append(Html.escape(toText().lines().findFirst().orElse("")))
                .append("</b></p>\n<ol>\n");
        for (Exercise e : list) out.append("<li>").append(Html.escape(e.id())).append(" (").append(Grading.points(e.max())).append(")</li>\n");
        return out.append("</ol></div>\n").toString();
    }

    @Override public String toString() { return toText(); }
}
