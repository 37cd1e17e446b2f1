package layerwise.explain;

/** How a formula is written: plain Unicode text for terminals, LaTeX for notebooks. */
public enum Notation {
    TEXT, LATEX;

    /** A symbol such as {@code C_in} in this notation: C_in, or C_{\mathrm{in}} in LaTeX. */
    String symbol(String name) {
        if (this == TEXT) return name;
        int underscore = name.indexOf('_');
        String base = underscore < 0 ? name : name.substring(0, underscore);
        String sub = underscore < 0 ? "" : name.substring(underscore + 1);
        String b = base.length() > 1 ? "\\mathrm{" + base + "}" : base;
        return sub.isEmpty() ? b : b + "_{\\mathrm{" + sub.replace("_", "\\_") + "}}";
    }
}
