package layerwise.error;

/**
 * What went wrong, told the way a teacher would: a Keras-like first line, then where it happened,
 * what was expected, what was got, why, and the fix. Built step by step:
 * {@code Problem.at("conv2d (Conv2D)").headline("...").expected("...").got("...").fix("...")}.
 */
public record Problem(String headline, String where, String expected, String got, String why, String fix) {

    public static Problem at(String where) {
        return new Problem("", where, "", "", "", "");
    }

    public Problem headline(String text) { return new Problem(text, where, expected, got, why, fix); }
    public Problem expected(String text) { return new Problem(headline, where, text, got, why, fix); }
    public Problem got(String text) { return new Problem(headline, where, expected, text, why, fix); }
    public Problem why(String text) { return new Problem(headline, where, expected, got, text, fix); }
    public Problem fix(String text) { return new Problem(headline, where, expected, got, why, text); }

    /** The whole message: the headline, then one labelled line per part that is known. */
    public String toText() {
        StringBuilder out = new StringBuilder(headline.isEmpty() ? "Invalid model" : headline);
        line(out, "Layer:", where);
        line(out, "Expected:", expected);
        line(out, "Got:", got);
        line(out, "Why:", why);
        line(out, "Fix:", fix);
        return out.toString();
    }

    private static void line(StringBuilder out, String label, String text) {
        if (text == null || text.isEmpty()) return;
        String indent = "\n" + " ".repeat(12);
        out.append("\n  ").append(String.format("%-10s", label)).append(text.replace("\n", indent));
    }
}
