package layerwise.layers;

import java.util.List;

import layerwise.error.Problem;
import layerwise.error.ShapeException;
import layerwise.explain.Derivation;
import layerwise.explain.Expr;
import layerwise.ndarray.Shape;

/**
 * MultiHeadAttention's shape rule: checks the inputs line up, then works out the four projections'
 * weights, the score shape (batch, heads, T_q, T_k) and the output (T_q, d_out).
 */
final class AttentionShapes {
    private static final List<String> ROLES = List.of("query", "value", "key", "attention_mask");
    private final MultiHeadAttention layer;
    private final Integer outputShape;

    AttentionShapes(MultiHeadAttention layer, Integer outputShape) {
        this.layer = layer;
        this.outputShape = outputShape;
    }

    /** The sizes of attention's formulas, named as in the paper and Keras, shared by the forward and backward rules. */
    record Sizes(Expr heads, Expr keyDim, Expr valueDim, Expr tq, Expr tk, Expr dQuery, Expr dKey, Expr dValue, Expr dOut) {}

    /** The sizes for these inputs (query, value, optional key and mask), after checking that they line up. */
    Sizes sizes(List<Shape> inputs) {
        check(inputs);
        Shape q = inputs.get(0), v = inputs.get(1), k = inputs.size() > 2 ? inputs.get(2) : v;
        return new Sizes(Expr.var("heads", layer.numHeads()), Expr.var("key_dim", layer.keyDim()), Expr.var("value_dim", layer.valueDim()),
                Expr.var("T_q", q.dim(0)), Expr.var("T_k", v.dim(0)), Expr.var("d_query", q.last()), Expr.var("d_key", k.last()),
                Expr.var("d_value", v.last()), Expr.var("d_out", outputShape != null ? outputShape : q.last()));
    }

    Derivation derive(List<Shape> inputs, boolean useBias) {
        Sizes s = sizes(inputs);
        Shape q = inputs.get(0), v = inputs.get(1);
        Expr h = s.heads(), kd = s.keyDim(), vd = s.valueDim(), tq = s.tq(), tk = s.tk(), dOut = s.dOut();
        Derivation d = Derivation.of(layer.name(), layer.type(), inputs).note("each of the " + layer.numHeads()
                + " heads projects every step to its own " + layer.keyDim() + " query and key numbers and " + layer.valueDim()
                + " value numbers; key_dim is chosen freely and need not divide d_query = " + q.last()
                + (inputs.size() > 2 ? "" : "; without a key input, the value is also the key"));
        d.keep("T_q", q.dim(0));
        d.dim("features", "d_out", dOut, outputShape != null ? "output_shape" : "no output_shape: the query's last axis");
        Expr wq = projection(d, "query", s.dQuery(), h, kd, useBias);
        Expr wk = projection(d, "key", s.dKey(), h, kd, useBias);
        Expr wv = projection(d, "value", s.dValue(), h, vd, useBias);
        Expr wo = h.times(vd).times(dOut);
        if (useBias) wo = wo.plus(dOut);
        d.step("output", "", wo, "a (heads, value_dim, d_out) kernel joins the heads" + (useBias ? ", plus d_out biases" : ""));
        d.step("scores", "", h.times(tq).times(tk), "attention weights per sample: (batch, heads, T_q, T_k) = (None, "
                + layer.numHeads() + ", " + text(q.dim(0)) + ", " + text(v.dim(0)) + "), each row a softmax over T_k"
                + (layer.useCausalMask() ? "; the causal mask zeroes the steps after each query step" : ""));
        d.params(Expr.var("query", wq.value()).plus(Expr.var("key", wk.value())).plus(Expr.var("value", wv.value()))
                .plus(Expr.var("output", wo.value())), "the four projections");
        long rowsQ = q.isKnown(0) ? q.dim(0) : 1, rowsK = v.isKnown(0) ? v.dim(0) : 1;
        Expr macs = Expr.of(rowsQ).times(wq).plus(Expr.of(rowsK).times(wk.plus(wv)))
                .plus(Expr.of(rowsQ).times(rowsK).times(h).times(kd.plus(vd))).plus(Expr.of(rowsQ).times(wo));
        return d.macs(macs);
    }

    /** d_in·heads·size weights plus heads·size biases. */
    private static Expr projection(Derivation d, String role, Expr dIn, Expr h, Expr size, boolean useBias) {
        Expr w = dIn.times(h).times(size);
        if (useBias) w = w.plus(h.times(size));
        d.step(role, "", w, "a (" + dIn.symbolic() + ", heads, " + size.symbolic() + ") kernel" + (useBias ? " plus (heads, " + size.symbolic() + ") biases" : ""));
        return w;
    }

    private void check(List<Shape> inputs) {
        if (inputs.size() < 2 || inputs.size() > 4) {
            throw problem("MultiHeadAttention takes a query and a value (and optionally a key and an attention mask); it received "
                    + inputs.size() + " input(s).", "2 to 4 inputs: apply(query, value), apply(query, value, key)",
                    inputs.size() + " input(s) " + inputs, "for self-attention pass the same tensor twice: mha.apply(x, x)");
        }
        Shape q = inputs.get(0);
        for (int i = 0; i < Math.min(inputs.size(), 3); i++) {
            Shape s = inputs.get(i);
            if (s.rank() != 2) {
                throw problem("The " + ROLES.get(i) + " of MultiHeadAttention has rank " + (s.rank() + 1) + " " + s.withBatch()
                        + (i > 0 ? ", but the query has rank " + (q.rank() + 1) + " " + q.withBatch() : "") + ".",
                        "query, value and key as sequences (batch, steps, features), rank 3",
                        ROLES.get(i) + " " + s.withBatch(), s.rank() == 1
                                ? "give each step a feature axis: Reshape to (" + text(s.dim(0)) + ", 1), or start with an Embedding"
                                : "flatten the extra axes into steps first, e.g. Reshape((-1, " + text(s.last()) + "))");
            }
        }
        Shape v = inputs.get(1);
        if (inputs.size() > 2 && differ(v.dim(0), inputs.get(2).dim(0))) {
            throw problem("All dimensions of `value` and `key`, except the last one, must be equal. Received: value_shape="
                    + v.withBatch() + " and key_shape=" + inputs.get(2).withBatch(), "key and value with the same number of steps T_k",
                    "value " + v.withBatch() + ", key " + inputs.get(2).withBatch(), "the key describes the value's steps: give it one step per value step");
        }
        if (inputs.size() == 4) {
            Shape m = inputs.get(3), want = Shape.of(q.dim(0), v.dim(0));
            if (m.rank() != 2 || differ(m.dim(0), q.dim(0)) || differ(m.dim(1), v.dim(0))) {
                throw problem("The attention mask must have shape (batch, T_q, T_k) = " + want.withBatch() + "; got " + m.withBatch() + ".",
                        "mask (T_q, T_k) = " + want, m.toString(), "make mask[i][j] 1 where query step i may read value step j, 0 elsewhere");
            }
        }
    }

    private ShapeException problem(String headline, String expected, String got, String fix) {
        return new ShapeException(Problem.at(layer.label()).headline(headline).expected(expected).got(got).fix(fix));
    }

    /** Two sizes that are both known and not equal; None fits anything. */
    private static boolean differ(long a, long b) { return a != Shape.NONE && b != Shape.NONE && a != b; }

    private static String text(long dim) { return dim == Shape.NONE ? "None" : Long.toString(dim); }
}
