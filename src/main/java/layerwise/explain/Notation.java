package layerwise.explain;

/**
 * How a formula is written: plain Unicode text for terminals, LaTeX for Markdown in notebooks, and
 * MathML for HTML, which browsers draw without any script (an exported or untrusted notebook).
 */
public enum Notation {
    TEXT, LATEX, MATHML;

    /** A symbol such as {@code C_in} in this notation: C_in, or C_{\mathrm{in}} in LaTeX. */
    String symbol(String name) {
        if (this == TEXT) return name;
        if (this == MATHML) return mathmlSymbol(name);
        int underscore = name.indexOf('_');
        String base = underscore < 0 ? name : name.substring(0, underscore);
        String sub = underscore < 0 ? "" : name.substring(underscore + 1);
        String b = base.length() > 1 ? "\\mathrm{" + base + "}" : base;
        return sub.isEmpty() ? b : b + "_{\\mathrm{" + sub.replace("_", "\\_") + "}}";
    }

    private static String mathmlSymbol(String name) {
        int underscore = name.indexOf('_');
        if (underscore < 0) return "<mi>" + Html.escape(name) + "</mi>";
        return "<msub><mi>" + Html.escape(name.substring(0, underscore)) + "</mi><mrow>" + MATHML.plainOnly("_") + "<mi>"
                + Html.escape(name.substring(underscore + 1)) + "</mi></mrow></msub>";
    }

    /**
     * Text that only a reader without MathML sees. Jupyter's sanitizer (an untrusted notebook) drops the
     * MathML tags and keeps their text, which would run a fraction's numerator into its denominator
     * ("W−K+2PS"); these marks make that text read "(W−K+2P)/S". A browser that draws MathML shows only
     * the first child of {@code semantics}, an empty row, so the marks take no room there.
     */
    String plainOnly(String text) {
        if (this != MATHML || text.isEmpty()) return "";
        return "<semantics><mrow></mrow><annotation encoding=\"text/plain\">" + Html.escape(text) + "</annotation></semantics>";
    }

    /** A number as this notation writes it: 4,640, 4{,}640 or {@code <mn>4,640</mn>}. */
    String number(String digits) {
        return switch (this) {
            case TEXT -> digits;
            case LATEX -> digits.replace(",", "{,}");
            case MATHML -> "<mn>" + digits + "</mn>";
        };
    }

    /** An operator sign: " + " in text, {@code <mo>+</mo>} in MathML. */
    String op(String text, String latex) {
        return switch (this) {
            case TEXT -> text;
            case LATEX -> latex;
            case MATHML -> "<mo>" + text.strip() + "</mo>";
        };
    }
}
