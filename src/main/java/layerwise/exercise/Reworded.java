package layerwise.exercise;

/** A question in the teacher's own words: the same checks, feedback and worked formula, another prompt. */
final class Reworded extends Exercise {
    private final Exercise inner;

    Reworded(Exercise inner, String prompt) {
        super(inner.id(), prompt, inner.context(), inner.hints());
        this.inner = inner;
    }

    @Override public double max() { return inner.max(); }

    @Override String solution() { return inner.solution(); }

    @Override String modelAnswer() { return inner.modelAnswer(); }

    @Override public Feedback grade(String answer) {
        Feedback f = inner.grade(answer);
        return f.verdict() == Feedback.Verdict.NO_ANSWER ? noAnswer() : f;
    }
}
