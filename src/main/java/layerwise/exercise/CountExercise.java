package layerwise.exercise;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import layerwise.explain.Expr;

/**
 * "How many parameters does conv2d have?", "How long is the flattened vector?": a number given by one
 * of the library's formulas. Credit per term of the formula, so an answer that forgot the bias earns
 * the weights' share and is told "missing + F = 16 bias terms".
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
        // A known misunderstanding explains the number better than a coincidence of terms.
        for (Mistake<Long> m : mistakes) if (m.value() == got) notes.add(m.message());
        double points = notes.isEmpty() ? partialTerms(got, notes) : 0;
        if (notes.isEmpty()) missingFactor(got, notes);
        if (notes.isEmpty()) notes.add("not " + String.format("%,d", got) + "; work it out term by term: " + expr.symbolic());
        return scored(answer, points, notes);
    }

    /** Points for an answer that is the sum of some of the terms, and a note for each term left out. */
    private double partialTerms(long got, List<String> notes) {
        List<Expr> terms = expr.terms();
        int n = terms.size();
        for (int subset = 1; subset < (1 << n) - 1 && n <= 12; subset++) {
            long sum = 0;
            for (int i = 0; i < n; i++) if ((subset & (1 << i)) != 0) sum += terms.get(i).value();
            if (sum != got) continue;
            int kept = Integer.bitCount(subset);
            for (int i = 0; i < n; i++) {
                if ((subset & (1 << i)) == 0) notes.add("missing + " + Formulas.worked("", terms.get(i)) + " " + termName(i));
            }
            return max * kept / n;
        }
        return 0;
    }

    private void missingFactor(long got, List<String> notes) {
        for (Expr term : expr.terms()) {
            List<Expr> factors = new ArrayList<>(term.factors());
            if (factors.size() < 2) continue;
            // Forgetting the input channels is the classic slip; when C_in equals another factor, name C_in.
            factors.sort(java.util.Comparator.comparing(f -> !(f instanceof Expr.Var v && v.symbol().equals("C_in"))));
            for (Expr f : factors) {
                if (f.value() <= 1 || expr.value() - term.value() + term.value() / f.value() != got) continue;
                String meaning = f instanceof Expr.Var v ? Formulas.MEANING.getOrDefault(v.symbol(), "") : "";
                notes.add("the term " + term.symbolic() + " lacks the factor " + f.symbolic() + " = " + f.value()
                        + (meaning.isEmpty() ? "" : " (" + meaning + ")"));
                return;
            }
        }
    }

    private String termName(int i) { return i < termNames.size() ? termNames.get(i) : "(term " + (i + 1) + ")"; }
}
