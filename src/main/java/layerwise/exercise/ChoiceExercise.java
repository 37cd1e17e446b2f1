package layerwise.exercise;

import java.util.List;
import java.util.Map;

/**
 * A question answered with one of a few words ("same" or "valid"). Each wrong choice has its own
 * explanation, worked out by the library (the layer derived with the other setting).
 */
final class ChoiceExercise extends Exercise {
    private final String expected, solution;
    private final Map<String, String> whyNot;
    private final double max;

    ChoiceExercise(String id, String prompt, String context, String expected, Map<String, String> whyNot, String solution,
                   List<String> hints, double max) {
        super(id, prompt, context, hints);
        this.expected = expected;
        this.whyNot = Map.copyOf(whyNot);
        this.solution = solution;
        this.max = max;
    }

    @Override public double max() { return max; }

    @Override String solution() { return solution; }

    @Override String modelAnswer() { return expected; }

    @Override
    public Feedback grade(String answer) {
        Answer a = new Answer(answer);
        if (a.isBlank()) return noAnswer();
        List<String> words = List.of(a.words().split(" "));
        List<String> named = whyNot.keySet().stream().filter(words::contains).sorted().toList();
        boolean right = words.contains(expected);
        if (right && named.isEmpty()) return scored(answer, max, List.of());
        if (right) return scored(answer, 0, List.of("give one answer: " + expected + " or " + String.join(" or ", named)));
        if (named.isEmpty()) return unreadable(answer, "one of " + expected + ", " + String.join(", ", whyNot.keySet()));
        return scored(answer, 0, List.of(whyNot.get(named.get(0))));
    }
}
