package layerwise.exercise;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * What a student wrote, read the way they meant it. Shapes: {@code (None, 148, 148, 16)},
 * {@code 148x148x16}, {@code [148, 148, 16]}, {@code 148 × 148 × 16}. Counts: {@code 9,470,464},
 * {@code 9470464}, {@code 9 470 464}, {@code 9_470_464}, {@code 448 params}. Words: lower case,
 * single spaces, no punctuation.
 */
public record Answer(String raw) {
    private static final Pattern GROUPED = Pattern.compile("\\d{1,3}([,.' _]\\d{3})+");
    private static final Pattern PLAIN = Pattern.compile("\\d+");
    private static final Pattern UNIT_WORDS = Pattern.compile(
            "\\s*(params|parameters|weights|elements|numbers|values|pixels|rows|cols|columns|positions|zeros|bytes|b|mult-adds|macs)?\\s*$");
    /** "14×14" as summary --columns all prints a receptive field: one size per axis, all equal. */
    private static final Pattern SQUARE = Pattern.compile("(\\d+)(\\s*[x×*]\\s*\\1)+");
    private static final Pattern SEPARATORS = Pattern.compile("\\s*[,x×*]\\s*|\\s+");

    public Answer {
        raw = raw == null ? "" : raw;
    }

    public boolean isBlank() { return raw.isBlank(); }

    /** The answer read as a count, if it is one number (thousands may be grouped). */
    public OptionalLong count() {
        String s = UNIT_WORDS.matcher(raw.trim().toLowerCase(Locale.ROOT)).replaceFirst("").trim();
        s = stripBrackets(s);
        if (s.endsWith(",")) s = s.substring(0, s.length() - 1).trim(); // (18496,) is Python's 1-tuple
        if (s.matches("[\\d,' _]+\\.0+")) s = s.substring(0, s.indexOf('.'));   // 64128.0, as Python prints a float
        var square = SQUARE.matcher(s);
        if (square.matches()) s = square.group(1);
        if (GROUPED.matcher(s).matches()) s = s.replaceAll("[,.' _]", "");
        if (!PLAIN.matcher(s).matches() || s.length() > 18) return OptionalLong.empty();
        return OptionalLong.of(Long.parseLong(s));
    }

    /**
     * The answer read as a shape: one entry per axis, {@code null} where the student wrote None (or ?).
     * Empty if some part is not a size.
     */
    public Optional<List<Long>> shape() {
        String s = raw.trim().toLowerCase(Locale.ROOT);
        if (s.startsWith("torch.size(")) s = s.substring("torch.size".length());
        s = stripBrackets(s);
        if (s.isEmpty()) return Optional.empty();
        List<Long> dims = new ArrayList<>();
        for (String part : SEPARATORS.split(s)) {
            if (part.isEmpty()) continue;
            if (part.equals("none") || part.equals("null") || part.equals("?") || part.equals("batch")) {
                dims.add(null);
            } else if (PLAIN.matcher(part).matches() && part.length() <= 18) {
                dims.add(Long.parseLong(part));
            } else {
                return Optional.empty();
            }
        }
        return dims.isEmpty() ? Optional.empty() : Optional.of(Collections.unmodifiableList(dims));
    }

    /** The answer as words, for comparing written answers: "The Batch-size!" → "the batch size". */
    public String words() {
        return raw.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }

    /** Strips matching brackets, and a bracket left open at either end: "(None, 14, 14, 6" is meant as a shape. */
    private static String stripBrackets(String s) {
        s = s.trim();
        if (!s.isEmpty() && "([{".indexOf(s.charAt(0)) >= 0 && s.chars().filter(c -> c == ')' || c == ']' || c == '}').count() == 0) s = s.substring(1);
        if (!s.isEmpty() && ")]}".indexOf(s.charAt(s.length() - 1)) >= 0 && s.chars().filter(c -> c == '(' || c == '[' || c == '{').count() == 0) {
            s = s.substring(0, s.length() - 1);
        }
        while (s.length() >= 2 && isPair(s.charAt(0), s.charAt(s.length() - 1))) s = s.substring(1, s.length() - 1).trim();
        return s;
    }

    private static boolean isPair(char open, char close) {
        return (open == '(' && close == ')') || (open == '[' && close == ']') || (open == '{' && close == '}');
    }

    @Override public String toString() { return raw; }
}
