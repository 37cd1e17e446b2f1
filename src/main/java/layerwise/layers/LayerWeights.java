package layerwise.layers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import layerwise.error.ConfigException;
import layerwise.error.Problem;
import layerwise.error.ShapeException;
import layerwise.ndarray.NDArray;
import layerwise.ndarray.Shape;

/**
 * A layer's weights as Keras's get_weights and set_weights list them: params() (kernel, then bias)
 * followed by what the layer keeps without training it (BatchNormalization's moving mean and variance).
 * Arrays given to set are checked for count and shape before anything is copied.
 */
final class LayerWeights {
    private LayerWeights() {}

    /** Copies of every weight, in Keras's order. */
    static List<NDArray> copies(Layer layer) {
        List<NDArray> all = new ArrayList<>();
        for (Param p : layer.params()) all.add(p.value().copy());
        for (NDArray a : layer.nonTrainableWeights().values()) all.add(a.copy());
        return all;
    }

    /** Copies these arrays into the layer's weights, in Keras's order, once all of them fit. */
    static void set(Layer layer, List<NDArray> weights) {
        requireFit(layer, weights);
        List<Param> ps = layer.params();
        for (int i = 0; i < ps.size(); i++) System.arraycopy(weights.get(i).data(), 0, ps.get(i).value().data(), 0, ps.get(i).value().size());
        layer.setNonTrainableWeights(weights.subList(ps.size(), weights.size()));
    }

    /** "kernel (3, 3, 1, 32)" for each weight, in getWeights order. */
    static List<String> describe(Layer layer) {
        List<String> out = new ArrayList<>();
        for (Param p : layer.params()) out.add(p.name() + " " + p.value().shape());
        for (Map.Entry<String, NDArray> e : layer.nonTrainableWeights().entrySet()) out.add(e.getKey() + " " + e.getValue().shape());
        return out;
    }

    private static void requireFit(Layer layer, List<NDArray> weights) {
        List<Shape> want = new ArrayList<>();
        for (Param p : layer.params()) want.add(p.value().shape());
        for (NDArray a : layer.nonTrainableWeights().values()) want.add(a.shape());
        List<String> names = describe(layer);
        if (weights.size() != want.size()) {
            boolean unbuilt = !layer.isInitialized();
            throw new ConfigException(Problem.at(layer.label())
                    .headline("You called `set_weights(weights)` on layer '" + layer.name() + "' with a weight list of length "
                            + weights.size() + ", but the layer was expecting " + want.size() + " weights.")
                    .expected(want.size() + " arrays: " + names)
                    .got(weights.size() + " arrays" + (weights.isEmpty() ? "" : ": " + weights.stream().map(NDArray::shape).toList()))
                    .why(unbuilt ? "the layer has no input shape yet, so it has no weights" : null)
                    .fix(unbuilt ? "add the layer to a model (or apply it to an Input) first, then set its weights"
                            : "pass one array per weight, in the order " + String.join(", ", names.stream().map(n -> n.split(" ")[0]).toList())));
        }
        for (int i = 0; i < want.size(); i++) {
            Shape got = weights.get(i).shape();
            if (!got.equals(want.get(i))) {
                String name = names.get(i).split(" ")[0];
                throw new ShapeException(Problem.at(layer.label())
                        .headline("Layer " + layer.name() + " weight shape " + want.get(i) + " is not compatible with provided weight shape " + got + ".")
                        .expected(name + " (array " + i + ") of shape " + want.get(i))
                        .got(got.toString())
                        .fix("give the " + name + " the shape " + want.get(i) + shapeHint(name, want.get(i), got)));
            }
        }
    }

    /** A kernel given in PyTorch's layout (out, in, …) is the commonest wrong shape; say so. */
    private static String shapeHint(String name, Shape want, Shape got) {
        if (!name.endsWith("kernel") || want.rank() != got.rank() || want.size() != got.size()) return "";
        return "; Keras lays a kernel out as " + (want.rank() == 2 ? "(inputs, units)" : "(kernel size…, input channels, filters)")
                + ", PyTorch as (outputs, inputs, …): transpose the axes rather than reshape";
    }
}
