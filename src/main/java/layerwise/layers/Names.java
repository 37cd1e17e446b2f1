package layerwise.layers;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Default names the way tf.keras 2 gives them: conv2d, conv2d_1, dense, dense_1, …; inputs start at
 * input_1. {@link #reset()} starts the counts again, like {@code keras.backend.clear_session()}.
 */
public final class Names {
    private static final Map<String, Integer> counts = new HashMap<>();
    private static final Pattern WORD = Pattern.compile("(.)([A-Z][a-z0-9]+)");
    private static final Pattern CAMEL = Pattern.compile("([a-z])([A-Z])");

    private Names() {}

    /** The next unused name for this prefix: "dense", then "dense_1", "dense_2", … */
    public static synchronized String unique(String prefix) {
        int n = counts.merge(prefix, 1, Integer::sum) - 1;
        return n == 0 ? prefix : prefix + "_" + n;
    }

    /** The next name counted from 1, as Keras names inputs: "input_1", "input_2", … */
    public static synchronized String uniqueFromOne(String prefix) {
        return prefix + "_" + counts.merge(prefix, 1, Integer::sum);
    }

    /**
     * Runs {@code work} with a fresh name count and restores the caller's afterwards, so that models a
     * library builds for itself (exercise sheets) get the names a learner expects (conv2d, dense) and do
     * not shift the names of the learner's own layers.
     */
    public static synchronized <T> T isolated(Supplier<T> work) {
        Map<String, Integer> saved = new HashMap<>(counts);
        counts.clear();
        try {
            return work.get();
        } finally {
            counts.clear();
            counts.putAll(saved);
        }
    }

    /** Forgets every name given so far. */
    public static synchronized void reset() {
        counts.clear();
    }

    /** Keras's snake case of a class name: MaxPooling2D → max_pooling2d, SimpleRNN → simple_rnn. */
    public static String snakeCase(String className) {
        String words = WORD.matcher(className).replaceAll("$1_$2");
        return CAMEL.matcher(words).replaceAll("$1_$2").toLowerCase();
    }
}
