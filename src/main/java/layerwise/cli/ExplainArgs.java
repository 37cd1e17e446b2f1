package layerwise.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The flags only {@code explain} takes, taken out before the shared model-file flags are read:
 * {@code --backward}, {@code --step} with {@code --data --optimizer --lr --seed}, and
 * {@code --layer NAME --picture FILE}.
 */
record ExplainArgs(boolean backward, boolean step, Map<String, String> values, String[] rest) {
    private static final List<String> VALUED = List.of("--data", "--optimizer", "--lr", "--seed", "--layer", "--picture");

    static ExplainArgs parse(String[] args) {
        boolean backward = false, step = false;
        Map<String, String> values = new HashMap<>();
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--backward")) backward = true;
            else if (args[i].equals("--step")) step = true;
            else if (VALUED.contains(args[i])) {
                if (i + 1 >= args.length) throw new UsageException("explain: " + args[i] + " needs a value");
                values.put(args[i], args[++i]);
            } else rest.add(args[i]);
        }
        return new ExplainArgs(backward, step, values, rest.toArray(String[]::new));
    }

    String value(String flag, String orElse) { return values.getOrDefault(flag, orElse); }

    boolean has(String flag) { return values.containsKey(flag); }
}
