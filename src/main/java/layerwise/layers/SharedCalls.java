package layerwise.layers;

import java.util.List;
import java.util.stream.Collectors;

import layerwise.error.Problem;
import layerwise.error.ShapeException;
import layerwise.explain.Derivation;
import layerwise.ndarray.Shape;

/**
 * Checks a layer called again (a Keras shared layer) against its first call: every call uses the
 * weights made for the first one, so an input that would need other weights is refused, as Keras does
 * ("Input 0 of layer "dense" is incompatible with the layer: expected axis -1 ... to have value 3").
 */
final class SharedCalls {
    private SharedCalls() {}

    static void requireSameWeights(Layer layer, Derivation first, Derivation again) {
        if (again.params() == first.params() && again.trainableParams() == first.trainableParams()) return;
        String built = shapes(first.inputs()), got = shapes(again.inputs());
        throw new ShapeException(Problem.at(layer.label())
                .headline("Input 0 of layer \"" + layer.name() + "\" is incompatible with the layer: its weights were built for input shape "
                        + built + ", but received input with shape " + got)
                .expected("an input that fits the weights of " + layer.name() + "'s first call, on " + built + " ("
                        + String.format("%,d", first.params()) + " params)")
                .got(got + ", which would need " + String.format("%,d", again.params()) + " params")
                .why("a layer called again (a shared layer) reuses the weights of its first call, so the axes its weights"
                        + " depend on (for Dense the last axis, for a convolution the channels) must be the same")
                .fix("give this call its own layer (new " + layer.type() + "(…)), or make its input fit " + built));
    }

    private static String shapes(List<Shape> inputs) {
        return inputs.size() == 1 ? inputs.get(0).withBatch() : inputs.stream().map(Shape::withBatch).collect(Collectors.joining(", ", "[", "]"));
    }
}
