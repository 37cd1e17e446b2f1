package layerwise.exercise;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import layerwise.explain.Derivation;
import layerwise.explain.Derivation.Line;
import layerwise.explain.TextRenderer;
import layerwise.ndarray.Shape;

/**
 * "What is the output shape of conv2d?": one point per axis. The expected axes, their names and their
 * formulas all come from the layer's derivation, so the feedback quotes the library's own rule.
 */
public final class ShapeExercise extends Exercise {
    private final Shape expected;
    private final List<String> axisNames, axisRules;
    private final BatchAxis batch;
    private final List<Mistake<Shape>> mistakes;
    private final String solution;

    ShapeExercise(String id, String prompt, String context, Shape expected, List<String> axisNames,
                  List<String> axisRules, BatchAxis batch, List<Mistake<Shape>> mistakes, String solution, List<String> hints) {
        super(id, prompt, context, hints);
        this.expected = expected;
        this.axisNames = List.copyOf(axisNames);
        this.axisRules = List.copyOf(axisRules);
        this.batch = batch;
        this.mistakes = List.copyOf(mistakes);
        this.solution = solution;
    }

    /** The output shape of the layer that {@code d} derives. */
    public static ShapeExercise output(String id, String prompt, String context, Derivation d, BatchAxis batch,
                                       List<Mistake<Shape>> mistakes) {
        List<String> names = new ArrayList<>(), rules = new ArrayList<>();
        for (Line line : d.lines()) {
            if (line.kind() != Line.Kind.DIM && line.kind() != Line.Kind.KEEP) continue;
            names.add(line.label());
            rules.add(Formulas.inWords(line));
        }
        return new ShapeExercise(id, prompt, context, d.output(), names, rules, batch, mistakes,
                TextRenderer.layer(d).stripTrailing(), Formulas.hints(d, Line.Kind.DIM));
    }

    /** A shape the student types as one sample's shape, such as the inputShape(…) for given data. */
    public static ShapeExercise sample(String id, String prompt, String context, Shape expected, List<String> axisNames,
                                       String why, List<Mistake<Shape>> mistakes) {
        List<String> rules = new ArrayList<>();
        for (int i = 0; i < axisNames.size(); i++) rules.add(expected.dim(i) + ", the number of " + axisNames.get(i));
        return new ShapeExercise(id, prompt, context, expected, axisNames, rules, BatchAxis.FORBIDDEN, mistakes,
                why, List.of("Keras writes one sample as (" + String.join(", ", axisNames) + "), without the batch axis."));
    }

    Shape expected() { return expected; }

    /** One point per axis, and one for the batch axis when the question is about it (required or forbidden). */
    @Override public double max() { return expected.rank() + (batch == BatchAxis.OPTIONAL ? 0 : 1); }

    @Override String solution() { return solution; }

    @Override String modelAnswer() { return batch == BatchAxis.FORBIDDEN ? expected.toString() : expected.withBatch(); }

    @Override
    public Feedback grade(String answer) {
        Answer a = new Answer(answer);
        if (a.isBlank()) return noAnswer();
        Optional<List<Long>> read = a.shape();
        if (expected.rank() == 1 && a.count().isPresent()) read = Optional.of(List.of(a.count().getAsLong()));
        if (read.isEmpty()) return unreadable(answer, "a shape such as (None, 148, 148, 16) or 148x148x16");
        List<Long> dims = new ArrayList<>(read.get());
        List<String> notes = new ArrayList<>();
        boolean hasBatch = dims.size() == expected.rank() + 1;
        if (hasBatch) {
            Long first = dims.remove(0);
            if (first != null) notes.add("the first axis is the batch axis; Keras writes it None because the model takes any number of samples");
        }
        if (dims.size() != expected.rank() || dims.contains(null)) return wrongRank(answer, read.get(), notes);
        double points = batchPoints(hasBatch, notes);
        long[] got = dims.stream().mapToLong(Long::longValue).toArray();
        long[] want = expected.dims();
        if (Arrays.equals(got, want)) return scored(answer, points + want.length, notes);
        // Swapped axes are one named mistake, worth half the axes, whatever positions happen to match.
        boolean swapped = isPermutation(got, want) && mistakes.stream().noneMatch(m -> Arrays.equals(m.value().dims(), got));
        points += swapped ? Math.floor(want.length / 2.0) : axesPoints(got, want);
        notes.addAll(diagnose(got, want));
        return scored(answer, points, notes);
    }

    private double batchPoints(boolean hasBatch, List<String> notes) {
        if (batch == BatchAxis.REQUIRED && !hasBatch) {
            notes.add("you forgot the batch axis: summary() writes the shape with the batch axis first, as None");
            return 0;
        }
        if (batch == BatchAxis.FORBIDDEN && hasBatch) {
            notes.add("you added the batch axis: inputShape(…) is the shape of one sample, without the batch axis");
            return 0;
        }
        return batch == BatchAxis.OPTIONAL ? 0 : 1;
    }

    private static double axesPoints(long[] got, long[] want) {
        int right = 0;
        for (int i = 0; i < want.length; i++) if (got[i] == want[i]) right++;
        return right;
    }

    private List<String> diagnose(long[] got, long[] want) {
        List<String> notes = new ArrayList<>();
        for (Mistake<Shape> m : mistakes) {
            if (Arrays.equals(m.value().dims(), got)) notes.add(m.message());
        }
        if (!notes.isEmpty()) return notes;
        if (isPermutation(got, want)) {
            notes.add(swapNote(got, want));
            return notes;
        }
        List<String> right = new ArrayList<>(), wrong = new ArrayList<>();
        for (int i = 0; i < want.length; i++) {
            if (got[i] == want[i]) right.add(axisNames.get(i));
            else wrong.add(axisNames.get(i) + " should be " + axisRules.get(i));
        }
        if (!right.isEmpty()) notes.add(Formulas.and(right) + (right.size() == 1 ? " is right" : " are right"));
        notes.addAll(wrong);
        return notes;
    }

    private String swapNote(long[] got, long[] want) {
        String order = "(" + String.join(", ", axisNames) + ")";
        long[] channelsFirst = new long[want.length];
        channelsFirst[0] = want[want.length - 1];
        System.arraycopy(want, 0, channelsFirst, 1, want.length - 1);
        if (axisNames.get(axisNames.size() - 1).equals("channels") && Arrays.equals(got, channelsFirst)) {
            return "the numbers are right but you put the channels first; Keras (channels_last) writes " + order;
        }
        return "swapped axes: the numbers are right but not their order; the axes are " + order;
    }

    private static boolean isPermutation(long[] got, long[] want) {
        long[] a = got.clone(), b = want.clone();
        Arrays.sort(a);
        Arrays.sort(b);
        return Arrays.equals(a, b);
    }

    private Feedback wrongRank(String answer, List<Long> read, List<String> notes) {
        List<Long> known = read.stream().filter(d -> d != null).toList();
        for (Mistake<Shape> m : mistakes) {
            if (Arrays.equals(known.stream().mapToLong(Long::longValue).toArray(), m.value().dims())) notes.add(m.message());
        }
        notes.add("expected " + expected.rank() + " axes " + (batch == BatchAxis.FORBIDDEN ? "" : "after the batch axis ")
                + "(" + String.join(", ", axisNames) + "), got " + known.size());
        return scored(answer, 0, notes);
    }
}
