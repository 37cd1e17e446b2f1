package layerwise.layers;

import java.util.ArrayList;
import java.util.List;

import layerwise.explain.Derivation;
import layerwise.explain.Expr;
import layerwise.explain.Gradient;
import layerwise.explain.Gradient.Rule;
import layerwise.ndarray.Shape;

/**
 * Building blocks of the backward explanations, and the rule for layers that need no special words:
 * a layer that keeps its shape acts elementwise, one that keeps its size only rearranges the numbers,
 * and every weight gets a gradient of its own shape.
 */
public final class Gradients {
    private Gradients() {}

    public static Rule rule(String text, String latex) { return new Rule(text, latex); }

    /** An axis size as a formula term: a number, or None when unknown. */
    public static Expr size(long d) { return d == Shape.NONE ? Expr.var("None", Shape.NONE) : Expr.of(d); }

    /** (N, d1, …) for a batch of arrays shaped {@code s}. */
    public static List<Expr> batchOf(Shape s) { return Gradient.batchOf(s); }

    /** (N, d1, …, last) with the last axis written as the named variable. */
    public static List<Expr> batchOf(Shape s, Expr last) {
        List<Expr> dims = new ArrayList<>(Gradient.batchOf(s.dropLast()));
        dims.add(last);
        return dims;
    }

    /** ∂L/∂x with the input's shape. */
    public static Gradient input(Shape in, Rule rule, String note) {
        return Gradient.of(Gradient.INPUT, "∂L/∂x", rule, batchOf(in), note);
    }

    /** ∂L/∂(name) of a weight array, of the weight's own shape. */
    public static Gradient weight(String name, String symbol, Rule rule, List<Expr> shape, String note) {
        return Gradient.of(name, "∂L/∂" + symbol, rule, shape, note);
    }

    /**
     * The backward explanation of a layer with no words of its own: its weights' gradients shaped like the
     * weights (known once they exist), and ∂L/∂x by what the layer does to the shape.
     */
    static Derivation byDefault(Layer layer, Shape in) {
        Derivation forward = layer.derivation(in);
        Shape out = forward.output();
        Derivation d = Derivation.backward(layer.name(), layer.type(), out);
        for (Param p : layer.params()) {
            List<Expr> shape = new ArrayList<>();
            for (int dim : p.value().dims()) shape.add(Expr.of(dim));
            d.gradient(weight(p.name(), p.name(), rule("Σ over the batch of ∂L/∂y · ∂y/∂" + p.name(),
                    "\\sum_{\\mathrm{batch}} \\frac{\\partial L}{\\partial y} \\cdot \\frac{\\partial y}{\\partial \\mathrm{" + p.name().replace("_", "\\_") + "}}"),
                    shape, "the same shape as " + p.name() + ": one gradient number per weight"));
        }
        if (layer.params().isEmpty() && forward.trainableParams() > 0) {
            d.note("each of its " + String.format("%,d", forward.trainableParams()) + " weights gets one gradient number, in arrays shaped like the weights");
        }
        if (out.equals(in)) {
            return d.gradient(input(in, rule("∂L/∂y ⊙ ∂y/∂x", "\\frac{\\partial L}{\\partial y} \\odot \\frac{\\partial y}{\\partial x}"),
                    "elementwise: each input number moves only its own output, so ∂L/∂x has the input's shape"));
        }
        if (out.size() == in.size() && out.size() != Shape.NONE) {
            return d.gradient(input(in, rule("reshape(∂L/∂y, " + in + ")", "\\mathrm{reshape}\\left(\\frac{\\partial L}{\\partial y}\\right)"),
                    "only the shape changes: the same numbers, put back in the input's arrangement"));
        }
        return d.gradient(input(in, rule("Σ over the outputs each input reached", "\\sum_{y \\ni x} \\frac{\\partial L}{\\partial y} \\frac{\\partial y}{\\partial x}"),
                "each input number adds up the gradients of the outputs it influenced, so ∂L/∂x has the input's shape"));
    }
}
