package layerwise.layers;

import java.util.List;

import layerwise.explain.Derivation;
import layerwise.explain.Expr;
import layerwise.explain.Gradient;
import layerwise.ndarray.Shape;

/**
 * MultiHeadAttention's backward rule, the forward read from the end: the output projection, the
 * weighted average A·v, the softmax of the scores, the scaled product q·kᵀ, then the value, key and
 * query projections, each gradient sized with the forward's own {@link AttentionShapes.Sizes}.
 * <pre>
 *   ∂L/∂A = ∂L/∂C · vᵀ      ∂L/∂S = A ⊙ (∂L/∂A − Σ_k ∂L/∂A ⊙ A)      ∂L/∂q = ∂L/∂S · k / √key_dim
 * </pre>
 */
final class AttentionGradients {
    private final MultiHeadAttention layer;
    private final AttentionShapes.Sizes s;
    private final boolean useBias;
    private final Expr n = Gradient.batch();

    AttentionGradients(MultiHeadAttention layer, AttentionShapes.Sizes sizes, boolean useBias) {
        this.layer = layer;
        this.s = sizes;
        this.useBias = useBias;
    }

    Derivation derive(List<Shape> inputs, Shape out, boolean dropout) {
        Derivation d = Derivation.backward(layer.name(), layer.type(), out)
                .note("from the end of forward back to its start; every step of every sample is one row of a projection, "
                        + "so each projection's gradient adds up all rows of the batch");
        projection(d, "attention_output", "o", "contextᵀ · ∂L/∂y", "C^\\top \\frac{\\partial L}{\\partial y}",
                List.of(s.heads(), s.valueDim(), s.dOut()), List.of(s.dOut()), "the output projection joins the heads (Keras keeps the heads as an axis of their own in every kernel here)");
        throughAttention(d, layer.useCausalMask() || inputs.size() > 3, dropout);
        projection(d, "value", "v", "x_valueᵀ · ∂L/∂v", "x_v^\\top \\frac{\\partial L}{\\partial v}",
                List.of(s.dValue(), s.heads(), s.valueDim()), List.of(s.heads(), s.valueDim()), "the value projection");
        projection(d, "key", "k", "x_keyᵀ · ∂L/∂k", "x_k^\\top \\frac{\\partial L}{\\partial k}",
                List.of(s.dKey(), s.heads(), s.keyDim()), List.of(s.heads(), s.keyDim()), "the key projection");
        projection(d, "query", "q", "x_queryᵀ · ∂L/∂q", "x_q^\\top \\frac{\\partial L}{\\partial q}",
                List.of(s.dQuery(), s.heads(), s.keyDim()), List.of(s.heads(), s.keyDim()), "the query projection");
        return inputs(d, inputs.size());
    }

    /** From the joined heads' gradient back through A·v, the softmax and the scaled q·kᵀ, to q, k and v. */
    private void throughAttention(Derivation d, boolean masked, boolean dropout) {
        step(d, "∂L/∂C", "∂L/∂y · W_oᵀ, split into heads", "\\frac{\\partial L}{\\partial y} W_o^\\top", s.tq(), s.valueDim(),
                "the context C: each head's weighted average of the value steps");
        step(d, "∂L/∂v", "Aᵀ · ∂L/∂C", "A^\\top \\frac{\\partial L}{\\partial C}", s.tk(), s.valueDim(),
                "each value step was read by every query step with weight A, so it collects their gradients");
        step(d, "∂L/∂A", "∂L/∂C · vᵀ", "\\frac{\\partial L}{\\partial C} v^\\top", s.tq(), s.tk(),
                "the attention weights, (batch, heads, T_q, T_k)" + (dropout ? "; dropout zeroes the same weights as in forward" : ""));
        step(d, "∂L/∂S", "A ⊙ (∂L/∂A − Σ over T_k of ∂L/∂A ⊙ A)",
                "A \\odot \\left(\\frac{\\partial L}{\\partial A} - \\sum_{T_k} \\frac{\\partial L}{\\partial A} \\odot A\\right)", s.tq(), s.tk(),
                "back through the softmax of each row of scores: not elementwise, a row's weights sum to 1"
                        + (masked ? "; masked scores had A = 0, so they get no gradient" : ""));
        step(d, "∂L/∂q", "∂L/∂S · k / √key_dim", "\\frac{\\partial L}{\\partial S} \\frac{k}{\\sqrt{\\mathrm{key\\_dim}}}", s.tq(), s.keyDim(),
                "scores = q·kᵀ / √key_dim: each query step's gradient mixes the key steps it scored");
        step(d, "∂L/∂k", "∂L/∂Sᵀ · q / √key_dim", "\\frac{\\partial L}{\\partial S}^\\top \\frac{q}{\\sqrt{\\mathrm{key\\_dim}}}", s.tk(), s.keyDim(),
                "and each key step's gradient mixes the query steps that scored it");
    }

    /** One ∂L/∂x per input: query, value, then key; the mask is given, not computed. */
    private Derivation inputs(Derivation d, int count) {
        d.gradient(input("query", "∂L/∂q · W_qᵀ", "\\frac{\\partial L}{\\partial q} W_q^\\top", s.tq(), s.dQuery(), "back along the query kernel, heads joined"));
        boolean valueIsKey = count == 2;
        d.gradient(input("value", valueIsKey ? "∂L/∂v · W_vᵀ + ∂L/∂k · W_kᵀ" : "∂L/∂v · W_vᵀ",
                valueIsKey ? "\\frac{\\partial L}{\\partial v} W_v^\\top + \\frac{\\partial L}{\\partial k} W_k^\\top" : "\\frac{\\partial L}{\\partial v} W_v^\\top",
                s.tk(), s.dValue(), valueIsKey ? "without a key input the value was also the key: both paths add up" : "back along the value kernel"));
        if (count > 2) d.gradient(input("key", "∂L/∂k · W_kᵀ", "\\frac{\\partial L}{\\partial k} W_k^\\top", s.tk(), s.dKey(), "back along the key kernel"));
        if (count > 3) d.note("the attention mask gets no gradient: it is given, not computed");
        return d;
    }

    /** A projection's kernel and bias gradients, named as in params() ("query/kernel"). */
    private void projection(Derivation d, String role, String sub, String text, String latex, List<Expr> kernel, List<Expr> bias, String what) {
        d.gradient(Gradients.weight(role + "/kernel", "W_" + sub, Gradients.rule(text, latex), kernel,
                what + ": one gradient number per weight"));
        String out = sub.equals("o") ? "y" : sub;
        if (useBias) d.gradient(Gradients.weight(role + "/bias", "b_" + sub, Gradients.rule("Σ over the batch and steps of ∂L/∂" + out,
                "\\sum \\frac{\\partial L}{\\partial " + out + "}"), bias, "added at every step of every sample"));
    }

    /** A gradient on the way, of shape (N, heads, steps, size). */
    private void step(Derivation d, String symbol, String text, String latex, Expr steps, Expr size, String note) {
        d.gradient(Gradient.of("", symbol, Gradients.rule(text, latex), List.of(n, s.heads(), steps, size), note));
    }

    private Gradient input(String role, String text, String latex, Expr steps, Expr size, String note) {
        return Gradient.of(Gradient.INPUT + " " + role, "∂L/∂" + role, Gradients.rule(text, latex), List.of(n, steps, size), note);
    }
}
