package layerwise.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Splitting a formula into its terms and factors, which exercises use for credit per term. */
class ExprTermsTest {
    private final Expr k = Expr.var("K", 3), c = Expr.var("C_in", 3), f = Expr.var("F", 16);

    @Test
    void sumSplitsIntoItsTermsInOrder() {
        Expr params = k.times(k).times(c).times(f).plus(f);   // 3·3·3·16 + 16 = 448
        assertEquals(List.of(432L, 16L), params.terms().stream().map(Expr::value).toList());
    }

    @Test
    void productSplitsIntoEveryFactor() {
        assertEquals(List.of("K", "K", "C_in", "F"), k.times(k).times(c).times(f).factors().stream().map(Expr::symbolic).toList());
    }

    @Test
    void anythingElseIsItsOwnSingleTermAndFactor() {
        Expr diff = k.minus(1);
        assertEquals(List.of(diff), diff.terms());
        assertEquals(List.of(diff), diff.factors());
        assertEquals(List.of(f), f.terms());
    }
}
