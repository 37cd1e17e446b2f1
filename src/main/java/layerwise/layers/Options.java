package layerwise.layers;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import layerwise.error.ConfigException;
import layerwise.error.Problem;

/**
 * Checks the settings a learner types (names from a fixed list, positive sizes) and says "did you mean";
 * writes a wrapped layer back as a setting of its wrapper.
 */
public final class Options {
    private Options() {}

    /** The option in lower case if it is one of {@code allowed}; otherwise an error that suggests the closest. */
    public static String oneOf(String layer, String option, String value, List<String> allowed) {
        String v = value == null ? "" : value.trim().toLowerCase();
        if (allowed.contains(v)) return v;
        String closest = closest(v, allowed);
        throw new ConfigException(Problem.at(layer)
                .headline("Unknown " + option + ": '" + value + "'. Please ensure you are using a valid " + option + ".")
                .expected("one of " + String.join(", ", allowed))
                .got("'" + value + "'")
                .fix("did you mean '" + closest + "'?"));
    }

    /** Each size must be at least 1: a layer with 0 filters or a 0×3 kernel has nothing to compute. */
    public static int[] positive(String layer, String option, int... sizes) {
        for (int s : sizes) {
            if (s <= 0) {
                throw new ConfigException(Problem.at(layer)
                        .headline("Received an invalid value for `" + option + "`, expected a positive integer. Received: "
                                + option + "=" + (sizes.length == 1 ? Integer.toString(s) : java.util.Arrays.toString(sizes)))
                        .expected(option + " ≥ 1")
                        .got(option + " = " + (sizes.length == 1 ? Integer.toString(s) : java.util.Arrays.toString(sizes)))
                        .why("a layer needs at least one " + (option.equals("units") || option.equals("filters") ? "output" : "element") + " along every axis")
                        .fix("give " + option + " a value of 1 or more"));
            }
        }
        return sizes;
    }

    /** A fraction to drop, {@code 0 ≤ rate < 1} (Dropout's rule, for the layers that drop inside themselves). */
    public static double rate(String layer, String option, double rate) {
        if (rate >= 0 && rate < 1) return rate;
        throw new ConfigException(Problem.at(layer)
                .headline("Invalid value " + rate + " received for `" + option + "`, expected a value between 0 and 1.")
                .expected("0 ≤ " + option + " < 1, the fraction to drop").got(option + " = " + rate)
                .why("a rate of 1 would drop everything and scale the rest by 1/(1 − 1), a division by zero")
                .fix("use a fraction such as 0.1"));
    }

    /** One size per spatial axis: a single number is used for every axis, as Keras does for kernel_size=3. */
    public static int[] perAxis(String layer, String option, int rank, int... sizes) {
        positive(layer, option, sizes);
        if (sizes.length == rank) return sizes.clone();
        if (sizes.length == 1) {
            int[] out = new int[rank];
            java.util.Arrays.fill(out, sizes[0]);
            return out;
        }
        throw new ConfigException(Problem.at(layer)
                .headline("The `" + option + "` argument must be a tuple of " + rank + " integers. Received: "
                        + java.util.Arrays.toString(sizes))
                .expected("one number, or " + rank + " numbers (one per spatial axis)")
                .got(sizes.length + " numbers " + java.util.Arrays.toString(sizes))
                .fix("pass a single number for a square window, or exactly " + rank + " numbers"));
    }

    /** Python's tuple form, as Keras prints a setting: (3,) or (3, 3). */
    static String tuple(int[] a) {
        return a.length == 1 ? "(" + a[0] + ",)" : "(" + String.join(", ", java.util.Arrays.stream(a).mapToObj(Integer::toString).toList()) + ")";
    }

    /** The sizes as a list, for a layer's config. */
    static List<Integer> list(int[] a) { return java.util.Arrays.stream(a).boxed().toList(); }

    /** The allowed name nearest to {@code value} by edit distance, for "did you mean" hints. */
    public static String closest(String value, List<String> allowed) {
        return allowed.stream().min(Comparator.comparingInt(a -> distance(value, a))).orElse("");
    }

    /** Edit distance: the fewest letters to insert, delete or change to turn a into b. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int change = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(change, Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] t = prev; prev = cur; cur = t;
        }
        return prev[b.length()];
    }

    /** A wrapped layer's own config option, as Keras writes it: {@code {"class_name": …, "config": {…}}}. */
    static Map<String, Object> serialized(Layer layer) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("class_name", layer.type());
        m.put("config", layer.config());
        return m;
    }
}
