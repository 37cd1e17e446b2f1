package layerwise.layers;

import java.util.List;

import layerwise.explain.Derivation;
import layerwise.ndarray.Shape;

/**
 * The output of a layer in a model being described, before any data flows: its shape, the layer that
 * made it and what that layer was applied to. Keras calls this a KerasTensor.
 */
public class SymbolicTensor {
    private final Shape shape;
    private final Layer layer;
    private final List<SymbolicTensor> inputs;
    private final Derivation derivation;
    private final int callIndex;

    SymbolicTensor(Shape shape, Layer layer, List<SymbolicTensor> inputs, Derivation derivation) {
        this(shape, layer, inputs, derivation, 0);
    }

    SymbolicTensor(Shape shape, Layer layer, List<SymbolicTensor> inputs, Derivation derivation, int callIndex) {
        this.shape = shape;
        this.layer = layer;
        this.inputs = List.copyOf(inputs);
        this.derivation = derivation;
        this.callIndex = callIndex;
    }

    /** The shape of one sample, without the batch axis. */
    public Shape shape() { return shape; }

    /** The layer whose output this is. */
    public Layer layer() { return layer; }

    /** The tensors the layer was applied to; empty for an Input. */
    public List<SymbolicTensor> inputs() { return inputs; }

    /**
     * Which call of its layer made this tensor: 0 for the first, 1 for the second call of a shared layer.
     * Keras's node index, the first number in summary()'s "Connected to" entries such as dense[1][0].
     */
    public int callIndex() { return callIndex; }

    /** How the layer derived this shape (for an Input, worked out now, so a renamed input shows its new name). */
    public Derivation derivation() { return derivation != null ? derivation : layer.derivation(shape); }

    @Override public String toString() { return "SymbolicTensor" + shape.withBatch() + " from " + layer.label(); }
}
