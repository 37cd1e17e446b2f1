package layerwise.exercise;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import layerwise.error.NnException;
import layerwise.model.Model;

/**
 * "Which layer is missing, and where?" (the seed-000 Flatten). The answer is checked by the library:
 * the named layer is inserted where the student says and the model's output must then match the
 * targets. Two points: the right layer, and the right place.
 */
public final class MissingLayerExercise extends Exercise {
    /** Layers students often name instead, and why they do not help. */
    private static final Map<String, String> NOT_IT = Map.of(
            "dense", "another Dense still acts on the last axis only, so the other axes stay",
            "conv2d", "a convolution keeps the rows and cols axes",
            "maxpooling2d", "pooling makes rows and cols smaller but keeps all four axes",
            "dropout", "Dropout changes no shape",
            "reshape", "Reshape can do it, but it needs the sizes spelled out; name the layer made for this");

    private final ModelSpec broken;
    private final long[] target;
    private final int missingAt;
    private final String solution;

    MissingLayerExercise(String id, String prompt, String context, ModelSpec broken, long[] target, int missingAt, String hint) {
        super(id, prompt, context, List.of(hint, "Dense acts on the last axis only; something must turn each sample into one vector first."));
        this.broken = broken;
        this.target = target.clone();
        this.missingAt = missingAt;
        Model fixed = broken.inserting(missingAt, new LayerSpec.Flat()).build();
        this.solution = "Insert Flatten after " + layerNames(broken.build()).get(missingAt - 1) + ":\n"
                + fixed.explanation().toText().stripTrailing();
    }

    @Override public double max() { return 2; }

    @Override String solution() { return solution; }

    @Override String modelAnswer() { return "Flatten after " + layerNames(broken.build()).get(missingAt - 1); }

    @Override
    public Feedback grade(String answer) {
        if (answer == null || answer.isBlank()) return noAnswer();
        String text = answer.toLowerCase(Locale.ROOT);
        List<String> notes = new ArrayList<>();
        if (!text.replaceAll("[^a-z0-9]", "").contains("flatten")) {
            NOT_IT.forEach((name, why) -> { if (text.replaceAll("[^a-z0-9]", "").contains(name)) notes.add(why); });
            notes.add("the missing layer must turn each sample's (rows, cols, channels) into one vector");
            return scored(answer, 0, notes);
        }
        Integer at = position(text, layerNames(broken.build()));
        if (at == null) {
            notes.add("Flatten is the right layer; say where it goes, for example \"Flatten after conv2d\"");
            return scored(answer, 1, notes);
        }
        try {
            broken.inserting(at, new LayerSpec.Flat()).build().checkTarget(target);
        } catch (NnException e) {
            notes.add("Flatten is the right layer, but in that place the model still fails: " + e.headline());
            return scored(answer, 1, notes);
        }
        if (at != missingAt) {
            notes.add("the shapes work out there, but the Dense layers before it still act on every position; "
                    + "Flatten belongs right before the first Dense layer");
            return scored(answer, 1, notes);
        }
        return scored(answer, 2, notes);
    }

    /** Where the answer puts the layer (index into the spec's layers), or null if it names no place. */
    static Integer position(String text, List<String> names) {
        List<String> byLength = new ArrayList<>(names);
        byLength.sort(Comparator.comparingInt(String::length).reversed());
        for (String word : List.of("after", "between", "behind", "following")) {
            Integer at = near(text, word, byLength, names, 1);
            if (at != null) return at;
        }
        return near(text, "before", byLength, names, 0);
    }

    private static Integer near(String text, String word, List<String> byLength, List<String> names, int offset) {
        Matcher m = Pattern.compile("\\b" + word + "\\b\\s*(?:the\\s+)?(?:layer\\s+)?'?\"?([a-z0-9_]+)").matcher(text);
        if (!m.find()) return null;
        for (String name : byLength) {
            if (m.group(1).equals(name)) return names.indexOf(name) + offset;
        }
        return null;
    }

    private static List<String> layerNames(Model m) {
        return m.layers().stream().filter(l -> !(l instanceof layerwise.layers.InputLayer)).map(l -> l.name()).toList();
    }
}
