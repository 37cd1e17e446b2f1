package layerwise.model;

import java.util.ArrayList;
import java.util.List;

import layerwise.error.ConfigException;
import layerwise.error.Problem;
import layerwise.layers.Input;
import layerwise.layers.Layer;
import layerwise.layers.Names;
import layerwise.layers.SymbolicTensor;
import layerwise.ndarray.Shape;

/**
 * A plain stack of layers, each fed by the one before, as Keras's Sequential:
 * <pre>
 *   var model = new Sequential();
 *   model.add(new Conv2D(12, 3).activation("relu").padding("same").inputShape(15, 15, 20));
 *   model.add(new Dense(6).activation("softmax"));
 * </pre>
 * Each {@code add} works out the new layer's shape at once, so a mistake is reported at the line that
 * added the layer, and the model is left as it was before that line.
 */
public class Sequential extends Model {
    private final List<Layer> layers = new ArrayList<>();
    private SymbolicTensor input, last;

    public Sequential() {
        super(Names.unique("sequential"));
    }

    /** A model with a name of your choice, as Keras's {@code Sequential(name="classifier")}. */
    public Sequential(String name) {
        super(name);
    }

    /** Starts the model with an explicit input, as {@code model.add(keras.Input(shape=(28, 28, 1)))}. */
    public Sequential add(Input in) {
        if (input != null || !layers.isEmpty()) {
            throw new ConfigException(Problem.at(name())
                    .headline("An Input can only be the first thing added to a Sequential model.")
                    .expected("the Input before any layer").got("an Input after " + layers.size() + " layer(s)")
                    .fix("add the Input first, or give the first layer inputShape(…)"));
        }
        start(in);
        return this;
    }

    /** Adds a layer on top of the stack and derives its output shape now. */
    public Sequential add(Layer layer) {
        if (layer.isBuilt() || layers.contains(layer)) {
            throw new ConfigException(Problem.at(layer.label())
                    .headline("Layer " + layer.name() + " is already part of a model and cannot be added again.")
                    .expected("a new layer").got(layer.label() + ", already in use")
                    .fix("create a new layer object for each place in the network"));
        }
        if (input == null && layers.isEmpty() && layer.declaredInputShape() != null) {
            start(new Input(layer.name() + "_input", layer.declaredInputShape().dims()));
        }
        if (last != null) {
            SymbolicTensor out = layer.apply(last);
            last = out;
            addNode(out);
            setGraph(input, out);
        }
        layers.add(layer);
        return this;
    }

    /**
     * Adds a whole model as one layer, as Keras's {@code outer.add(inner)}: its output shape is the inner
     * model's and its params are the sum of its layers'. summary() shows it as one row (expandNested() opens it).
     */
    public Sequential add(Model inner) {
        NestedModel layer = inner.asLayer();
        if (layers.isEmpty() && input == null && inner.isBuilt()) {
            layer.inputShape(inner.inputShape().dims());
        }
        return add((Layer) layer);
    }

    /**
     * Gives the input shape to a model whose first layer had none, and derives every layer's shape. A
     * shape that does not fit is reported before anything changes, so build can be called again.
     */
    public Sequential build(long... inputShape) {
        if (input != null) return this;
        Shape shape = Shape.of(inputShape);
        for (Layer l : layers) shape = l.outputShape(shape);
        List<Layer> pending = List.copyOf(layers);
        layers.clear();
        start(new Input(pending.isEmpty() ? "input" : pending.get(0).name() + "_input", inputShape));
        for (Layer l : pending) add(l);
        return this;
    }

    private void start(Input in) {
        input = in;
        last = in;
        addNode(in);
        setGraph(in, in);
    }

    /** True once the input shape is known. */
    @Override
    public boolean isBuilt() { return input != null; }

    /** The layers in the order they were added (Keras leaves the input layer out for Sequential). */
    @Override
    public List<Layer> layers() { return List.copyOf(layers); }

    @Override
    public boolean isSequentialLike() { return true; }
}
