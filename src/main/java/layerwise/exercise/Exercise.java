package layerwise.exercise;

import java.util.List;

import layerwise.exercise.Feedback.Verdict;
import layerwise.explain.Html;

/**
 * One question with a checkable answer. {@link #grade(String)} scores an answer without side effects
 * (the grader calls it); {@link #check(String)} is what a student calls: it also records the answer
 * for grading and holds the worked formula back until the teacher's number of wrong tries is reached.
 */
public abstract class Exercise {
    private final String id, prompt, context;
    private final List<String> hints;
    private int number, wrongTries, hintsGiven;
    private Exercises owner;

    protected Exercise(String id, String prompt, String context, List<String> hints) {
        this.id = id;
        this.prompt = prompt;
        this.context = context;
        this.hints = List.copyOf(hints);
    }

    public String id() { return id; }
    public String prompt() { return prompt; }
    /** The model or setting the question is about, as code the student can read or paste. */
    public String context() { return context; }
    List<String> hints() { return hints; }
    /** The position in its set, counted from 1. */
    public int number() { return number; }

    /** The most points this exercise gives: one per formula term (axis, summand) unless set otherwise. */
    public abstract double max();

    /** Scores an answer, the same way in the notebook and in the grader. Records nothing. */
    public abstract Feedback grade(String answer);

    /** The worked formula with the numbers filled in, from the layer's derivation; shown through feedback only. */
    abstract String solution();

    /** The reference answer as a student would type it, for the teacher's notebook; empty if only a hash is known. */
    abstract String modelAnswer();

    /** Checks an answer: records it for grading and gives feedback, with the formula once the teacher allows it. */
    public Feedback check(String answer) {
        Feedback f = grade(answer);
        Attempts.record(owner == null ? "" : owner.name(), owner == null ? "" : owner.studentId(), id, answer);
        if (f.correct()) return f;
        if (f.verdict() != Verdict.NO_ANSWER) wrongTries++;
        int revealAfter = owner == null ? 1 : owner.revealAfter();
        return wrongTries >= revealAfter ? f : f.withoutFormula();
    }

    /** The next hint: first the rule in words, then the formula with symbols; never the number itself. */
    public String hint() {
        if (hints.isEmpty()) return "No hints for this one; check an answer to see what was wrong.";
        String h = hints.get(Math.min(hintsGiven, hints.size() - 1));
        String which = "Hint " + (Math.min(hintsGiven, hints.size() - 1) + 1) + "/" + hints.size() + ": ";
        hintsGiven++;
        return which + h;
    }

    void attach(Exercises owner, int number) {
        this.owner = owner;
        this.number = number;
    }

    /** The heading of the question: "Exercise 3 · 000-missing-layer · 2 points". */
    public String heading() {
        return "Exercise " + number + " · " + id + " · " + Grading.points(max()) + (max() == 1 ? " point" : " points");
    }

    /** The question as a student reads it: the prompt and, indented, the model it is about. */
    String question() {
        StringBuilder out = new StringBuilder(prompt);
        if (!context.isEmpty()) context.lines().forEach(l -> out.append("\n    ").append(l));
        return out.toString();
    }

    public String toText() {
        StringBuilder out = new StringBuilder(heading()).append('\n').append(prompt).append('\n');
        if (!context.isEmpty()) context.lines().forEach(l -> out.append("    ").append(l).append('\n'));
        return out.toString();
    }

    public String toHtml() {
        StringBuilder out = new StringBuilder("<div class=\"layerwise-exercise\">\n<p><b>")
                .append(Html.escape(heading())).append("</b></p>\n<p>").append(Html.escape(prompt)).append("</p>\n");
        if (!context.isEmpty()) out.append("<pre>").append(Html.escape(context)).append("</pre>\n");
        return out.append("</div>\n").toString();
    }

    @Override public String toString() { return toText(); }

    /** Feedback for an empty answer, so a student notebook that was not filled in grades as 0 with a reason. */
    protected Feedback noAnswer() {
        return new Feedback(id, Verdict.NO_ANSWER, 0, max(), "", List.of("write your answer between the quotes"), "", question());
    }

    protected Feedback unreadable(String answer, String expectedForm) {
        return new Feedback(id, Verdict.UNREADABLE, 0, max(), answer,
                List.of("could not read '" + answer + "' as " + expectedForm), solution());
    }

    /** Builds feedback from points earned out of max and the notes. */
    protected Feedback scored(String answer, double points, List<String> notes) {
        double p = Grading.round(points);
        Verdict v = p >= max() ? Verdict.CORRECT : p > 0 ? Verdict.PARTLY : Verdict.WRONG;
        return new Feedback(id, v, p, max(), answer, notes, solution());
    }
}
