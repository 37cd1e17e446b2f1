package layerwise.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import layerwise.ndarray.Shape;

/**
 * The HTML form of an explanation, as a notebook shows it: MathML that a browser draws without
 * scripts, and text that still reads in order where Jupyter's sanitizer (an untrusted notebook) drops
 * the MathML tags and keeps their text. BrowserIT checks the same in Chromium.
 */
class NotebookHtmlTest {
    private static final Set<String> MATHML = Set.of("math", "mrow", "mi", "mn", "mo", "mfrac", "msub", "semantics", "annotation");
    /** Tags of HTML that Jupyter's sanitizer keeps; every other one is dropped with its attributes. */
    private static final Set<String> SANITIZER_KEEPS = Set.of("div", "h4", "p", "b", "i", "table", "tbody", "tr", "td", "br");

    /** conv2d: O = (W − K + 2P)/S + 1 for 150, 3, 0, 1, and the 4,640 parameters of a 3×3×32 kernel with 16 filters. */
    private static String conv2dHtml() {
        Expr w = Expr.var("W", 150), k = Expr.var("K", 3), p = Expr.var("P", 0), s = Expr.var("S", 1);
        Expr params = Expr.var("K_h", 3).times(Expr.var("K_w", 3)).times(Expr.var("C_in", 32)).times(Expr.var("F", 16)).plus(Expr.var("F", 16));
        Derivation d = Derivation.of("conv2d", "Conv2D", Shape.of(150, 150, 32))
                .dim("rows", "O", w.minus(k).plus(Expr.scaled(2, p)).floorDiv(s).plus(1))
                .params(params, "a 3×3×32 kernel per filter, plus one bias per filter");
        return d.explanation().toHtml();
    }

    /** What the sanitizer leaves: the text of every MathML element, without its tags. */
    private static String withoutMathMl(String html) {
        return html.replaceAll("</?(" + String.join("|", MATHML) + ")(\\s[^>]*)?>", "");
    }

    @Test
    void formulasAreMathMlAndNoLatexIsLeftForAScriptToDraw() {
        String html = conv2dHtml();
        assertTrue(html.contains("<mfrac>"), html);
        assertFalse(html.contains("\\frac") || html.contains("$") || html.contains("{,}"), html);
    }

    @Test
    void withoutMathMlTagsAFractionStillReadsNumeratorOverDenominator() {
        String text = withoutMathMl(conv2dHtml());
        assertTrue(text.contains("O=(W−K+2P)/S+1=(150−3+2·0)/1+1=148"), text);
    }

    @Test
    void withoutMathMlTagsSubscriptsKeepTheirUnderscore() {
        String text = withoutMathMl(conv2dHtml());
        assertTrue(text.contains("K_h×K_w×C_in×F+F=3×3×32×16+16=4,624"), text);
    }

    @Test
    void usesOnlyTagsThatJupytersSanitizerKeepsBesideMathMl() {
        Set<String> tags = new TreeSet<>();
        Matcher m = Pattern.compile("<([a-z0-9]+)").matcher(conv2dHtml());
        while (m.find()) tags.add(m.group(1));
        tags.removeAll(MATHML);
        tags.removeAll(SANITIZER_KEEPS);
        assertEquals(Set.of(), tags, "tags an untrusted notebook would drop");
    }

    @Test
    void needsNoScriptAndNoEventHandler() {
        String html = conv2dHtml().toLowerCase();
        for (String forbidden : List.of("<script", " onload=", " onclick=", "javascript:")) assertFalse(html.contains(forbidden), forbidden);
    }
}
