package layerwise.layers;

import java.util.List;

import layerwise.error.ConfigException;
import layerwise.error.Problem;
import layerwise.error.ShapeException;
import layerwise.ndarray.Shape;

/**
 * The explained refusals every layer shares: more than one input where one is expected, a size too
 * large for a long, an input of the wrong rank, and a setting changed after the layer was built.
 */
final class LayerChecks {
    private LayerChecks() {}

    static void requireOneInput(Layer layer, List<Shape> inputs) {
        if (inputs.size() == 1) return;
        throw new ShapeException(Problem.at(layer.label())
                .headline("Layer " + layer.name() + " expects 1 input(s), but it received " + inputs.size() + " input tensors.")
                .expected("one input").got(inputs.size() + " inputs: " + inputs)
                .fix("call this layer on a single tensor, or merge the tensors first with Concatenate or Add"));
    }

    /** For an ArithmeticException from Math.*Exact while deriving the layer's sizes and counts. */
    static ShapeException tooLarge(Layer layer, List<Shape> inputs) {
        return new ShapeException(Problem.at(layer.label())
                .headline("A size or parameter count of layer " + layer.name() + " is too large to represent.")
                .expected("every size and count at most " + String.format("%,d", Long.MAX_VALUE) + " (the largest long)")
                .got((inputs.size() == 1 ? "input " + inputs.get(0).withBatch() : "inputs " + inputs.stream().map(Shape::withBatch).toList())
                        + ", for which a size, the parameter count or the mult-adds exceed that")
                .why("the product of the sizes overflows 64-bit arithmetic; no computer could hold such a layer")
                .fix("use smaller inputs, fewer units or filters, or reduce the size before this layer (pooling, strides)"));
    }

    static void requireRank(Layer layer, Shape in, int rank, String axes, String fix) {
        if (in.rank() == rank) return;
        throw new ShapeException(Problem.at(layer.label())
                .headline("Input 0 of layer \"" + layer.name() + "\" is incompatible with the layer: expected ndim=" + (rank + 1)
                        + ", found ndim=" + (in.rank() + 1) + ". Full shape received: " + in.withBatch())
                .expected("input of rank " + rank + " " + axes + ", plus the batch axis")
                .got(in.toString() + ", rank " + in.rank())
                .fix(fix));
    }

    static ConfigException alreadyBuilt(Layer layer) {
        return new ConfigException(Problem.at(layer.label())
                .headline("Layer " + layer.name() + " is already part of a model; its settings can no longer change.")
                .expected("settings to be chosen before the layer is added or applied")
                .got("a setting changed after the layer was built")
                .fix("create a new layer with the settings you want and add that one"));
    }
}
