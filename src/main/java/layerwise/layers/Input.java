package layerwise.layers;

import java.util.List;

import layerwise.ndarray.Shape;

/**
 * The start of a model: the shape of one sample, without the batch axis, as Keras's
 * {@code Input(shape=(150, 150, 3))}. Use it with the functional API
 * ({@code new Conv2D(16, 3).apply(input)}) or as the first thing added to a Sequential model.
 */
public final class Input extends SymbolicTensor {

    public Input(long... shape) {
        this(new InputLayer(Shape.of(shape)));
    }

    /** An input with a name of your choice instead of input_1, input_2, … */
    public Input(String name, long... shape) {
        this(new InputLayer(name, Shape.of(shape)));
    }

    private Input(InputLayer layer) {
        super(layer.shape(), layer, List.of(), null);
    }

    /** Renames the input layer (default input_1, input_2, …). */
    public Input name(String name) {
        ((InputLayer) layer()).rename(name);
        return this;
    }
}
