package layerwise.layers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import layerwise.error.ConfigException;
import layerwise.error.Problem;
import layerwise.explain.Derivation;
import layerwise.explain.Explanation;
import layerwise.explain.Svg;
import layerwise.ndarray.NDArray;
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
    private boolean inputGradientNeeded = true;
    /** How many times apply() was called: a layer called more than once is shared, as in Keras. */
    private int calls;
    /** The first call's derivation, whose weights every later call reuses. */
    private Derivation firstCall;

    protected Layer() {
        this.name = Names.unique(Names.snakeCase(type()));
    }

    /** Keras's class name, shown in summary() as "conv2d (Conv2D)". */
    public String type() { return getClass().getSimpleName(); }

    public String name() { return name; }

    /** What the layer does (convolution, pooling, merge, …), for pictures; built-in layers each report theirs. */
    public Role role() { return Role.OTHER; }

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
        LayerChecks.requireOneInput(this, inputs);
        return derive(inputs.get(0));
    }

    /** The derivation for these input shapes, with counts that overflow a long reported as an explained error. */
    public final Derivation derivation(List<Shape> inputs) {
        try {
            return derive(inputs);
        } catch (ArithmeticException overflow) {
            throw LayerChecks.tooLarge(this, inputs);
        }
    }

    public final Derivation derivation(Shape in) { return derivation(List.of(in)); }

    public final Shape outputShape(Shape in) { return derivation(in).output(); }

    public final Explanation explain(Shape in) { return derivation(in).explanation(); }

    // ------------------------------------------------------------------ the backward pass, explained

    /**
     * How backward turns ∂L/∂y into the gradients of this layer's weights and ∂L/∂x, each with its rule
     * and its shape, for inputs of these shapes (without the batch axis).
     */
    public final Derivation backwardDerivation(List<Shape> inputs) { return deriveBackward(inputs); }

    public final Derivation backwardDerivation(Shape in) { return backwardDerivation(List.of(in)); }

    public final Explanation explainBackward(Shape in) { return backwardDerivation(in).explanation(); }

    /** Layers with several inputs (Concatenate, Add) override this; the rest take exactly one. */
    protected Derivation deriveBackward(List<Shape> inputs) {
        derivation(inputs);
        return deriveBackward(inputs.get(0));
    }

    /** The backward rule; the default fits layers that keep their shape, or only rearrange it. */
    protected Derivation deriveBackward(Shape in) { return Gradients.byDefault(this, in); }

    /** A fresh backward derivation, from ∂L/∂y of this layer's output shape. */
    protected final Derivation startBackward(Shape in) { return Derivation.backward(name, type(), outputShape(in)); }

    /** The picture of this layer's window over an input of this shape (SVG); convolution and pooling layers have one. */
    public Svg picture(Shape in) {
        throw new ConfigException(Problem.at(label())
                .headline(type() + " has no sliding window to draw.")
                .expected("a convolution or pooling layer (Conv1D, Conv2D, MaxPooling2D, …)").got(type())
                .fix("use explain(inputShape) for its formulas, or model.diagram() for a picture of the whole model"));
    }

    // ------------------------------------------------------------------ computing with numbers

    /**
     * Computes this layer on a batch (batch axis first) and keeps what backward needs. {@code training}
     * matters for layers that behave differently while training, such as Dropout.
     */
    public NDArray forward(NDArray x, boolean training) { throw notComputable(); }

    /** Given dLoss/dOutput for the last forward, fills the params' gradients and returns dLoss/dInput. */
    public NDArray backward(NDArray gradOut) { throw notComputable(); }

    /**
     * Whether backward must return dLoss/dInput. Training sets it to false for a layer that reads the
     * model's input, since no weight needs that gradient; the layer may then return null and skip its
     * costliest part (for a convolution, the input-gradient product and col2im).
     */
    public final void needInputGradient(boolean needed) { inputGradientNeeded = needed; }

    protected final boolean inputGradientNeeded() { return inputGradientNeeded; }

    /** Layers with several inputs (Concatenate, Add) override this and {@link #backwardToInputs}. */
    public NDArray forward(List<NDArray> inputs, boolean training) {
        if (inputs.size() != 1) derivation(inputs.stream().map(Layer::sampleShape).toList());
        return forward(inputs.get(0), training);
    }

    /** dLoss/dInput for each input of the last forward. */
    public List<NDArray> backwardToInputs(NDArray gradOut) { return List.of(backward(gradOut)); }

    /** The weights with their gradients, in Keras's get_weights order (kernel, then bias). */
    public List<Param> params() { return List.of(); }

    /** Creates the weights for inputs of this shape (without the batch axis); layers without weights do nothing. */
    public void initialize(Shape in, Random rng) {}

    /** True once the weights exist (always for a layer without weights). */
    public boolean isInitialized() { return true; }

    /**
     * Copies of the weights, as Keras's get_weights: params() (kernel, then bias) followed by what the
     * layer keeps without training it (BatchNormalization's moving mean and variance). A layer that has
     * an input shape but no weights yet creates them first, as Keras builds a layer before it has any.
     */
    public List<NDArray> getWeights() {
        createWeightsIfMissing();
        return LayerWeights.copies(this);
    }

    /**
     * Copies these arrays into the weights, in the order of getWeights(), as Keras's set_weights. A
     * wrong number of arrays or a wrong shape is refused before anything changes.
     */
    public void setWeights(List<NDArray> weights) {
        createWeightsIfMissing();
        LayerWeights.set(this, weights);
    }

    /** "kernel (3, 3, 1, 32)", "bias (32)": the name and shape of each array of getWeights(), for messages. */
    public List<String> weightNames() {
        createWeightsIfMissing();
        return LayerWeights.describe(this);
    }

    /** The arrays after params() in getWeights(), by Keras's names; BatchNormalization's moving statistics. */
    protected Map<String, NDArray> nonTrainableWeights() { return Map.of(); }

    /** Takes copies of new values for {@link #nonTrainableWeights()}, already checked for count and shape. */
    protected void setNonTrainableWeights(List<NDArray> values) {}

    /** Weights for the input shape of the first call, so that getWeights and setWeights work before any forward. */
    protected final void createWeightsIfMissing() {
        if (!isInitialized() && firstCall != null && !firstCall.inputs().isEmpty()) initialize(firstCall.inputs().get(0), new Random(0));
    }

    /** The activation applied last inside this layer; a loss may fuse with it for stability. */
    public String outputActivation() { return "linear"; }

    /** Like backward, but given dLoss/dLogits: the gradient before {@link #outputActivation()}, from a fused loss. */
    public NDArray backwardFromLogits(NDArray gradLogits) {
        if (outputActivation().equals("linear")) return backward(gradLogits);
        throw notComputable();
    }

    /** The values before the output activation in the last forward (the logits). */
    public NDArray savedLogits() { throw notComputable(); }

    /** The shape of one sample of a batch: the array's shape without axis 0. */
    public static Shape sampleShape(NDArray batch) {
        return Shape.of(java.util.Arrays.copyOfRange(batch.dims(), 1, batch.rank()));
    }

    /** Thrown by layers whose computation is not written yet, so the learner knows which layer stops training. */
    protected final ConfigException notComputable() {
        return new ConfigException(Problem.at(label())
                .headline("Layer " + name + " (" + type() + ") cannot compute on data yet: Layerwise describes its shapes but has no forward/backward for it.")
                .expected("a layer with a forward and a backward pass (every built-in layer of Layerwise has both)")
                .got(type())
                .fix("use summary() and explain() with this model, or replace " + type() + " to train it"));
    }

    /** Applies this layer to symbolic inputs, as in Keras's functional API: {@code x = new Dense(10).apply(x)}. */
    public SymbolicTensor apply(SymbolicTensor... inputs) {
        List<Shape> shapes = new ArrayList<>();
        for (SymbolicTensor t : inputs) shapes.add(t.shape());
        Derivation d = derivation(shapes);
        if (firstCall == null) firstCall = d;
        else SharedCalls.requireSameWeights(this, firstCall, d);
        markBuilt();
        return new SymbolicTensor(d.output(), this, List.of(inputs), d, calls++);
    }

    /**
     * Keras's names for the inputs of a layer whose call takes them as separate arguments, in order, as
     * MultiHeadAttention's query, value and key; empty for layers whose inputs form one list (Concatenate,
     * Add). Model JSON writes the inputs after the first among the call's keyword arguments.
     */
    public List<String> keywordInputs() { return List.of(); }

    /** Settings that Keras passes when calling the layer rather than when creating it (use_causal_mask). */
    public Map<String, Object> callArguments() { return Map.of(); }

    /** The settings of this layer as tf.keras writes them in model JSON ("config"). */
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", name);
        c.put("trainable", trainable);
        c.put("dtype", "float32");
        if (declaredInput != null) c.put("batch_input_shape", declaredInput.withBatchList());
        addConfig(c);
        return c;
    }

    /** Adds this layer's own settings to its JSON config; layers with settings override it. */
    protected void addConfig(Map<String, Object> config) {}

    /** A fresh derivation for this layer, to which derive() adds its formulas. */
    protected final Derivation start(Shape in) { return Derivation.of(name, type(), in); }

    /** Adds every axis of {@code in} unchanged, for layers that keep the shape (Dropout, Activation, BatchNormalization). */
    protected static Derivation keepAll(Derivation d, Shape in) {
        for (int i = 0; i < in.rank(); i++) d.keep("axis " + (i + 1), in.dim(i));
        return d;
    }

    /** Requires a rank (not counting the batch axis); the message names the axes the layer wants. */
    protected final void requireRank(Shape in, int rank, String axes, String fix) { LayerChecks.requireRank(this, in, rank, axes, fix); }

    protected final void markBuilt() { built = true; }

    /** Fluent setters call this first: a layer's settings are fixed once it is part of a model. */
    protected final void checkNotBuilt() {
        if (built) throw LayerChecks.alreadyBuilt(this);
    }

    void setName(String name) { checkNotBuilt(); this.name = name; }

    void setDeclaredInput(Shape shape) { checkNotBuilt(); this.declaredInput = shape; }

    void setTrainable(boolean trainable) { this.trainable = trainable; }

    @Override public String toString() { return label(); }
}
