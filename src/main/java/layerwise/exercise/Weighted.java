package layerwise.exercise;

/** A question worth the points the teacher gave it: the inner question's score, scaled. */
final class Weighted extends Exercise {
    private final Exercise inner;
    private final double points;

    Weighted(Exercise inner, double points) {
        super(inner.id(), inner.prompt(), inner.context(), inner.hints());
        this.inner = inner;
        this.points = points;
    }

    @Override public double max() { return points; }

    @Override String solution() { return inner.solution(); }

    @Override String modelAnswer() { return inner.modelAnswer(); }

    @Override
    public Feedback grade(String answer) {
        Feedback f = inner.grade(answer);
        double scale = inner.max() == 0 ? 0 : points / inner.max();
        return new Feedback(f.exercise(), f.verdict(), Grading.round(f.points() * scale), points, f.answer(), f.notes(), f.formula(),
                f.question());
    }
}
