package layerwise.layers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import layerwise.error.ConfigException;
import layerwise.error.Problem;
import layerwise.error.ShapeException;
import layerwise.explain.Derivation;
import layerwise.explain.Explanation;
import layerwise.ndarray.Shape;

/**
 * A step of a network. Each layer writes its shape rule once, in {@link #derive(Shape)}, as formulas
 * that both compute the output shape and print themselves; everything else (shape inference,
 * summary, explain, errors) reads that one derivation.
 */
public abstract class Layer {
    private String name;
    private Shape declaredInput;
    private boolean trainable = true;
    private boolean built;

    protected Layer() {
        this.name = Names.unique(Names.snakeCase(type()));
    }

    /** Keras's class name, shown in summary() as "conv2d (Conv2D)". */
    public String type() { return getClass().getSimpleName(); }

    public String name() { return name; }

    /** "conv2d (Conv2D)". */
    public String label() { return name + " (" + type() + ")"; }

    /** The input shape given with inputShape(…), or null. */
    public Shape declaredInputShape() { return declaredInput; }

    public boolean trainable() { return trainable; }

    /** True once the layer is part of a model; its settings are then fixed. */
    public boolean isBuilt() { return built; }

    /** The shape rule of a one-input layer: the only place its output shape and params are computed. */
    protected abstract Derivation derive(Shape in);

    /** Layers with several inputs (Concatenate, Add) override this; the rest take exactly one. */
    protected Derivation derive(List<Shape> inputs) {
        if (inputs.size() != 1) {
            throw new ShapeException(Problem.at(label())
                    .headline("Layer " + name + " expects 1 input(s), but it received " + inputs.size() + " input tensors.")
                    .expected("one input").got(inputs.size() + " inputs: " + inputs)
                    .fix("call this layer on a single tensor, or merge the tensors first with Concatenate or Add"));
        }
        return derive(inputs.get(0));
    }

    /** The derivation for these input shapes, with counts that overflow a long reported as an explained error. */
    public final Derivation derivation(List<Shape> inputs) {
        try {
            return derive(inputs);
        } catch (ArithmeticException overflow) {
            throw new ShapeException(Problem.at(label())
                    .headline("A size or parameter count of layer " + name + " is too large to represent.")
                    .expected("every size and count at most " + String.format("%,d", Long.MAX_VALUE) + " (the largest long)")
                    .got("input " + inputs + ", whose counts exceed that")
                    .why("the product of the sizes overflows 64-bit arithmetic; no computer could hold such a layer")
                    .fix("use smaller inputs, fewer units or filters, or reduce the size before this layer (pooling, strides)"));
        }
    }

    public final Derivation derivation(Shape in) { return derivation(List.of(in)); }

    public final Shape outputShape(Shape in) { return derivation(in).output(); }

    public final Explanation explain(Shape in) { return derivation(in).explanation(); }

    /** Applies this layer to symbolic inputs, as in Keras's functional API: {@code x = new Dense(10).apply(x)}. */
    public SymbolicTensor apply(SymbolicTensor... inputs) {
        List<Shape> shapes = new ArrayList<>();
        for (SymbolicTensor t : inputs) shapes.add(t.shape());
        Derivation d = derivation(shapes);
        markBuilt();
        return new SymbolicTensor(d.output(), this, List.of(inputs), d);
    }

    /** The settings of this layer as tf.keras writes them in model JSON ("config"). */
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", name);
        c.put("trainable", trainable);
        c.put("dtype", "float32");
        if (declaredInput != null) c.put("batch_input_shape", batchShape(declaredInput));
        addConfig(c);
        return c;
    }

    /** Adds this layer's own settings to its JSON config; layers with settings override it. */
    protected void addConfig(Map<String, Object> config) {}

    static List<Long> batchShape(Shape s) {
        List<Long> dims = new ArrayList<>();
        dims.add(null);
        for (long d : s.dims()) dims.add(d == Shape.NONE ? null : d);
        return dims;
    }

    /** A fresh derivation for this layer, to which derive() adds its formulas. */
    protected final Derivation start(Shape in) { return Derivation.of(name, type(), in); }

    /** Adds every axis of {@code in} unchanged, for layers that keep the shape (Dropout, Activation, BatchNormalization). */
    protected static Derivation keepAll(Derivation d, Shape in) {
        for (int i = 0; i < in.rank(); i++) d.keep("axis " + (i + 1), in.dim(i));
        return d;
    }

    /** Requires a rank (not counting the batch axis); the message names the axes the layer wants. */
    protected final void requireRank(Shape in, int rank, String axes, String fix) {
        if (in.rank() == rank) return;
        throw new ShapeException(Problem.at(label())
                .headline("Input 0 of layer \"" + name + "\" is incompatible with the layer: expected ndim=" + (rank + 1)
                        + ", found ndim=" + (in.rank() + 1) + ". Full shape received: " + in.withBatch())
                .expected("input of rank " + rank + " " + axes + ", plus the batch axis")
                .got(in.toString() + ", rank " + in.rank())
                .fix(fix));
    }

    protected final void markBuilt() { built = true; }

    protected final void checkNotBuilt() {
        if (built) {
            throw new ConfigException(Problem.at(label())
                    .headline("Layer " + name + " is already part of a model; its settings can no longer change.")
                    .expected("settings to be chosen before the layer is added or applied")
                    .got("a setting changed after the layer was built")
                    .fix("create a new layer with the settings you want and add that one"));
        }
    }

    void setName(String name) { checkNotBuilt(); this.name = name; }

    void setDeclaredInput(Shape shape) { checkNotBuilt(); this.declaredInput = shape; }

    void setTrainable(boolean trainable) { this.trainable = trainable; }

    @Override public String toString() { return label(); }
}
