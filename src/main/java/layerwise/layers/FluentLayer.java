package layerwise.layers;

import layerwise.ndarray.Shape;

/**
 * A layer with the settings every Keras layer has, as fluent setters that return the layer itself, so
 * that {@code new Conv2D(12, 3).padding("same").inputShape(15, 15, 20)} reads like the Keras call.
 */
public abstract class FluentLayer<L extends FluentLayer<L>> extends Layer {

    @SuppressWarnings("unchecked")
    protected final L self() { return (L) this; }

    public L name(String name) {
        setName(name);
        return self();
    }

    /** The shape of one sample, without the batch axis: Keras's {@code input_shape=(15, 15, 20)}. */
    public L inputShape(long... dims) {
        setDeclaredInput(Shape.of(dims));
        return self();
    }

    /** Whether training may change this layer's weights; a frozen layer's params count as non-trainable. */
    public L trainable(boolean trainable) {
        setTrainable(trainable);
        return self();
    }
}
