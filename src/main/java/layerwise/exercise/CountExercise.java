package layerwise.exercise;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import layerwise.explain.Expr;

/**
 * "How many parameters does conv2d have?", "How long is the flattened vector?": a number given by one
 * of the library's formulas. Partial credit only for a mistake with a named cause: the bias left
 * out ("missing + F = 16 bias terms"), a factor forgotten (C_in), or one of the known mistakes the
 * library worked out. A number that merely equals one term of the formula (the units, the
 * filters) earns nothing: it is a coincidence, not a method.
 */
public final class CountExercise extends Exercise {
    private final Expr expr;
    private final List<String> termNames;
    private final List<Mistake<Long>> mistakes;
    private final String solution;
    private final double max;

    /**
     * @param termNames what each term of {@code expr} counts, in order ("weights", "bias terms"); used in
     *                  "missing + F = 16 bias terms"
     */
    CountExercise(String id, String prompt, String context, Expr expr, List<String> termNames,
                  List<Mistake<Long>> mistakes, String solution, List<String> hints, double max) {
        super(id, prompt, context, hints);
        this.expr = expr;
        this.termNames = List.copyOf(termNames);
        this.mistakes = List.copyOf(mistakes);
        this.solution = solution;
        this.max = max;
    }

    long expected() { return expr.value(); }

    @Override public double max() { return max; }

    @Override String solution() { return solution; }

    @Override String modelAnswer() { return String.format("%,d", expr.value()); }

    @Override
    public Feedback grade(String answer) {
        Answer a = new Answer(answer);
        if (a.isBlank()) return noAnswer();
        OptionalLong read = a.count();
        if (read.isEmpty()) return unreadable(answer, "a whole number such as 9,470,464 or 9470464");
        long got = read.getAsLong();
        if (got == expr.value()) return scored(answer, max, List.of());
        List<String> notes = new ArrayList<>();
        for (Mistake<Long> m : mistakes) if (m.value() == got) notes.add(m.message());
        if (notes.isEmpty()) missingBias(got, notes);
        if (notes.isEmpty()) missingFactor(got, notes);
        if (!notes.isEmpty()) return scored(answer, halfCredit(), notes);
        notes.add("not " + String.format("%,d", got) + "; work it out term by term: " + expr.symbolic());
        return scored(answer, 0, notes);
    }

    /** Half the points, rounded down to whole points when the question is worth more than one. */
    private double halfCredit() { return max > 1 ? Math.floor(max / 2) : max / 2; }

    /** The whole formula but its bias term: the classic slip, named. */
    private void missingBias(long got, List<String> notes) {
        List<Expr> terms = expr.terms();
        int last = terms.size() - 1;
        if (last < 1 || !termName(last).startsWith("bias") || expr.value() - terms.get(last).value() != got) return;
        notes.add("missing bias: + " + Formulas.worked("", terms.get(last)) + " " + termName(last));
    }

    private void missingFactor(long got, List<String> notes) {
        for (Expr term : expr.terms()) {
            List<Expr> factors = new ArrayList<>(term.factors());
            if (factors.size() < 2) continue;
            // Forgetting the input channels is the classic slip; when C_in equals another factor, name C_in.
            factors.sort(java.util.Comparator.comparing(f -> !(f instanceof Expr.Var v && v.symbol().equals("C_in"))));
            for (Expr f : factors) {
                // Only a factor with a meaning is a named cause; any other factor would be a coincidence.
                String meaning = f instanceof Expr.Var v ? Formulas.MEANING.getOrDefault(v.symbol(), "") : "";
                if (meaning.isEmpty() || f.value() <= 1 || expr.value() - term.value() + term.value() / f.value() != got) continue;
                notes.add("the term " + term.symbolic() + " lacks the factor " + f.symbolic() + " = " + f.value()
                        + " (" + meaning + ")");
                return;
            }
        }
    }

    private String termName(int i) { return i < termNames.size() ? termNames.get(i) : "(term " + (i + 1) + ")"; }
}
