package layerwise.exercise;

import java.util.List;

import layerwise.explain.Html;

/**
 * The answer to a check: right or wrong, the points earned, what was right and wrong in words, and
 * the worked formula (taken from the layer's derivation; empty while the teacher holds it back).
 * Prints as plain text in JShell and as HTML in a notebook.
 */
public record Feedback(String exercise, Verdict verdict, double points, double max, String answer,
                       List<String> notes, String formula, String question) {

    /** How the answer did, from the student's point of view. */
    public enum Verdict {
        CORRECT("Correct"), PARTLY("Partly right"), WRONG("Not quite"), UNREADABLE("Could not read the answer"),
        NO_ANSWER("No answer yet");

        private final String text;
        Verdict(String text) { this.text = text; }
        public String text() { return text; }
    }

    public Feedback {
        notes = List.copyOf(notes);
        formula = formula == null ? "" : formula;
        question = question == null ? "" : question;
    }

    /** Feedback without the question's text (shown only before an answer is written). */
    public Feedback(String exercise, Verdict verdict, double points, double max, String answer, List<String> notes, String formula) {
        this(exercise, verdict, points, max, answer, notes, formula, "");
    }

    public boolean correct() { return verdict == Verdict.CORRECT; }

    /** The same feedback with the worked formula held back (the teacher's choice: show it after N tries). */
    public Feedback withoutFormula() {
        return new Feedback(exercise, verdict, points, max, answer, notes, "", question);
    }

    /** One line for grade reports: the verdict and the notes, no formula. */
    public String summary() {
        return notes.isEmpty() ? verdict.text() : verdict.text() + ": " + String.join("; ", notes);
    }

    public String toText() {
        StringBuilder out = new StringBuilder(exercise.isEmpty() ? "" : exercise + ": ")
                .append(verdict.text()).append(" (").append(Grading.points(points)).append('/')
                .append(Grading.points(max)).append(" points)\n");
        if (!question.isEmpty()) question.lines().forEach(line -> out.append("  ").append(line).append('\n'));
        for (String note : notes) out.append("  - ").append(note).append('\n');
        if (!formula.isEmpty()) {
            out.append("  Worked formula:\n");
            formula.lines().forEach(line -> out.append("    ").append(line).append('\n'));
        }
        return out.toString();
    }

    public String toHtml() {
        String color = switch (verdict) {
            case CORRECT -> "#1a7f37";
            case PARTLY -> "#9a6700";
            default -> "#cf222e";
        };
        StringBuilder out = new StringBuilder("<div class=\"layerwise-feedback\">\n<p><b style=\"color:")
                .append(color).append("\">").append(Html.escape(verdict.text())).append("</b> ")
                .append(Html.escape(exercise)).append(" (").append(Grading.points(points)).append('/')
                .append(Grading.points(max)).append(" points)</p>\n");
        if (!question.isEmpty()) out.append("<pre>").append(Html.escape(question)).append("</pre>\n");
        if (!notes.isEmpty()) {
            out.append("<ul>\n");
            for (String note : notes) out.append("<li>").append(Html.escape(note)).append("</li>\n");
            out.append("</ul>\n");
        }
        if (!formula.isEmpty()) out.append("<pre>").append(Html.escape(formula)).append("</pre>\n");
        return out.append("</div>\n").toString();
    }

    @Override public String toString() { return toText(); }
}
