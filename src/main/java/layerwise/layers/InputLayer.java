package layerwise.layers;

import java.util.Map;

import layerwise.explain.Derivation;
import layerwise.ndarray.Shape;

/**
 * Where data enters a model. It changes nothing: output shape = input shape, no parameters.
 * Created by {@link Input}; named input_1, input_2, … like tf.keras.
 */
public final class InputLayer extends Layer {
    private final Shape shape;

    InputLayer(Shape shape) {
        this(Names.uniqueFromOne("input"), shape);
    }

    InputLayer(String name, Shape shape) {
        this.shape = shape;
        setName(name);
        setDeclaredInput(shape);
    }

    public Shape shape() { return shape; }

    @Override
    protected Derivation derive(Shape in) {
        Derivation d = start(in).note("the input: one sample has shape " + in + "; the batch axis None is the number of samples");
        for (int i = 0; i < in.rank(); i++) d.keep("axis " + (i + 1), in.dim(i));
        return d;
    }

    @Override
    protected void addConfig(Map<String, Object> config) {
        config.put("sparse", false);
        config.put("ragged", false);
    }

    void rename(String name) { setName(name); }

    @Override public Role role() { return Role.INPUT; }
}
