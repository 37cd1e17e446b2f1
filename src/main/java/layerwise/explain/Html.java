package layerwise.explain;

/** Escapes text for the HTML that notebooks show: the one escaper of every renderer. */
public final class Html {
    private Html() {}

    /** The text with {@code & < > "} written as entities, safe inside an element or a quoted attribute. */
    public static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
