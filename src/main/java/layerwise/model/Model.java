package layerwise.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import layerwise.explain.Derivation;
import layerwise.explain.Explanation;
import layerwise.explain.Svg;
import layerwise.layers.InputLayer;
import layerwise.layers.Layer;
import layerwise.layers.Names;
import layerwise.layers.Param;
import layerwise.layers.SymbolicTensor;
import layerwise.layers.Trainable;
import layerwise.ndarray.NDArray;
import layerwise.ndarray.Shape;
import layerwise.train.FitOptions;
import layerwise.train.History;
import layerwise.train.Optimizer;
import layerwise.train.Optimizers;
import layerwise.train.StepExplanation;
import layerwise.train.Trainer;

/**
 * A network described by its inputs and outputs, as Keras's functional {@code Model(inputs, outputs)}:
 * <pre>
 *   var in = new Input(150, 150, 3);
 *   var x = new Conv2D(16, 3).activation("relu").apply(in);
 *   var model = new Model(in, new Dense(1).apply(new Flatten().apply(x)));
 * </pre>
 * Every layer's shape is known as soon as it is applied, so the model can print its summary and its
 * layer-by-layer explanation without seeing any data.
 */
public class Model implements Trainable {
    private final String name;
    private final List<SymbolicTensor> inputs = new ArrayList<>();
    private final List<SymbolicTensor> outputs = new ArrayList<>();
    /** Every tensor of the graph, inputs first, each after the tensors it is computed from. */
    private final List<SymbolicTensor> nodes = new ArrayList<>();
    /** Each layer once, in Keras's order (set by the graph constructor; Sequential keeps its own list). */
    private final List<Layer> layerOrder = new ArrayList<>();
    private NestedModel asLayer;
    private final GraphRun run = new GraphRun(this);
    /** The optimizer, loss and metrics of compile(…); null until then. */
    private Compiled compiled;
    /** Set once the graph is known to have no shared layer, so that training checks it once, not per step. */
    private boolean checkedForTraining;

    public Model(SymbolicTensor input, SymbolicTensor output) {
        this(List.of(input), List.of(output));
    }

    public Model(List<? extends SymbolicTensor> inputs, List<? extends SymbolicTensor> outputs) {
        this(Names.unique("model"), inputs, outputs);
    }

    /** A model with a name of your choice, as Keras's {@code Model(inputs, outputs, name="encoder")}. */
    public Model(String name, List<? extends SymbolicTensor> inputs, List<? extends SymbolicTensor> outputs) {
        this(name);
        this.inputs.addAll(inputs);
        this.outputs.addAll(outputs);
        KerasOrder order = KerasOrder.of(inputs, outputs);
        nodes.addAll(order.nodes());
        layerOrder.addAll(order.layers());
    }

    /** For subclasses that grow the graph themselves, such as Sequential. */
    protected Model(String name) {
        this.name = name;
    }

    public String name() { return name; }

    /** The tensors of the graph in the order data flows through them, inputs first. */
    public List<SymbolicTensor> nodes() { return List.copyOf(nodes); }

    protected final void addNode(SymbolicTensor t) {
        nodes.add(t);
        checkedForTraining = false;
    }

    protected final void setGraph(SymbolicTensor input, SymbolicTensor output) {
        inputs.clear();
        inputs.add(input);
        outputs.clear();
        outputs.add(output);
    }

    public List<SymbolicTensor> inputs() { return List.copyOf(inputs); }

    public List<SymbolicTensor> outputs() { return List.copyOf(outputs); }

    /**
     * The layers in order, input layers included, as Keras's model.layers for a functional model: a
     * layer called more than once (a shared layer) is listed once.
     */
    public List<Layer> layers() {
        if (layerOrder.isEmpty()) return nodes.stream().map(SymbolicTensor::layer).distinct().toList();
        return List.copyOf(layerOrder);
    }

    /**
     * True when the model is one chain (each layer has one input and is called once): summary then has
     * 3 columns. A shared layer makes it a graph, as in Keras, whose summary then shows every call.
     */
    public boolean isSequentialLike() { return KerasOrder.isChain(inputs, outputs, nodes); }

    public Shape inputShape() { return inputs.get(0).shape(); }

    public Shape outputShape() { return outputs.get(0).shape(); }

    /** The derivations of the layers that compute something (input layers left out), in order. */
    public List<Derivation> derivations() {
        return nodes.stream().filter(t -> !(t.layer() instanceof InputLayer)).map(SymbolicTensor::derivation).toList();
    }

    public long countParams() { return summaryTable().totalParams(); }

    /** The rows of summary() as data; render with toText(), toHtml(), toJson() or as a Tablesaw table. */
    public Summary summaryTable() { return Summary.of(this); }

    /** Prints the summary in the tf.keras 2 layout. */
    public void summary() { System.out.print(summaryTable().toText()); }

    /** Prints the summary in this layout: {@code summary(SummaryStyle.KERAS3)} for Keras 3's box table. */
    public void summary(SummaryStyle style) { System.out.print(summaryTable().toText(style)); }

    /** The layer-by-layer trace, every formula with its numbers filled in. */
    public Explanation explanation() { return ModelExplanation.of(this); }

    /** Prints the layer-by-layer trace. */
    public void explain() { explanation().print(); }

    /**
     * The backward pass from the loss to the input: every layer's gradients with their rules and shapes.
     * The loss is the one the output suggests (softmax: categorical cross-entropy, sigmoid: binary, else mse).
     */
    public Explanation backwardExplanation() { return backwardExplanation(BackwardExplanation.defaultLoss(this)); }

    /** The backward pass for this loss, such as "sparse_categorical_crossentropy". */
    public Explanation backwardExplanation(String loss) { return BackwardExplanation.of(this, loss); }

    /** Prints the backward pass. */
    public void explainBackward() { backwardExplanation().print(); }

    /** A picture of the model: a block per layer, labelled and sized by its output, arrows along the data (SVG). */
    public Svg diagram() {
        if (this instanceof Sequential s) s.requireBuilt();
        return ModelDiagram.of(this);
    }

    /**
     * Checks a target array's shape against the model's output before any training, so that a wrong
     * target fails with an explanation rather than deep inside fit. {@code targetShape} includes the
     * batch axis, as NumPy's y_train.shape: {@code checkTarget(100, 10)}.
     */
    public void checkTarget(long... targetShape) { TargetCheck.check(this, targetShape); }

    /** The check fit makes on the targets for this loss (one-hot or class numbers, reachable values, shape). */
    public void checkTarget(String loss, NDArray y) { LossTargets.check(this, loss, y); }

    // ------------------------------------------------------------------ computing with numbers

    /** Creates every layer's weights afresh, in order, from one generator with this seed. */
    public void initialize(long seed) {
        SizeCheck.weights(this);
        Random rng = new Random(seed);
        for (SymbolicTensor t : nodes) {
            if (!t.inputs().isEmpty()) t.layer().initialize(t.inputs().get(0).shape(), rng);
        }
    }

    /**
     * Weights for the layers that have none yet, keeping those that were set or loaded; with no weights
     * set at all it draws exactly what initialize(seed) draws.
     */
    void createMissingWeights(long seed) {
        SizeCheck.weights(this);
        Set<Layer> kept = new HashSet<>();
        for (SymbolicTensor t : nodes) if (t.layer().isInitialized()) kept.add(t.layer());
        Random rng = new Random(seed);
        for (SymbolicTensor t : nodes) {
            if (!t.inputs().isEmpty() && !kept.contains(t.layer())) t.layer().initialize(t.inputs().get(0).shape(), rng);
        }
    }

    /** True once every layer has its weights. */
    public boolean isInitialized() { return nodes.stream().allMatch(t -> t.layer().isInitialized()); }

    /** The model on a batch: each layer's forward in order; weights are created with seed 0 if still missing. */
    public NDArray forward(NDArray x, boolean training) {
        if (!isInitialized()) createMissingWeights(0);
        return run.forward(x, training);
    }

    /**
     * Runs real numbers through the model (inference: Dropout off) and shows, layer by layer, the worked
     * shape formula next to the shape that really came out, its value statistics and a corner of it.
     */
    public Trace trace(NDArray x) {
        forward(x, false);
        return Trace.of(this, x, run);
    }

    /**
     * The output channels of every layer that outputs an image, for the first sample of {@code x}, as small
     * grey pictures (CNN Explainer's overview), PNG. Best on a trained CNN.
     */
    public FeatureMaps featureMaps(NDArray x) {
        forward(x.slice(0, 1).contiguous(), false);
        return FeatureMaps.of(this, run);
    }

    /**
     * Refuses, with the explained error, to train a model in which one layer object is called more than
     * once (a shared layer): its gradients would be wrong. fit and every backward call this first.
     */
    public void checkTrainable() {
        if (checkedForTraining) return;
        SharedLayers.requireNone(this);
        checkedForTraining = true;
    }

    /** Back through every layer in reverse; fills every param's gradient and returns dLoss/dInput. */
    public NDArray backward(NDArray gradOut) { return run.backward(gradOut, false, true); }

    /** Like backward, but starting from dLoss/dLogits of the output layer (a loss fused with its activation). */
    public NDArray backwardFromLogits(NDArray gradLogits) { return run.backward(gradLogits, true, true); }

    /**
     * What training needs: every param's gradient, without dLoss/dInput (which no weight needs, and
     * which costs a first convolution most of its backward). {@code fromLogits} as in backwardFromLogits.
     */
    public void backwardToWeights(NDArray grad, boolean fromLogits) { run.backward(grad, fromLogits, false); }

    /** The layer that computes the model's output. */
    public Layer outputLayer() { return outputs.get(0).layer(); }

    @Override public String outputActivation() { return outputLayer().outputActivation(); }

    @Override public NDArray savedLogits() { return outputLayer().savedLogits(); }

    /** The weights of all trainable layers (a layer shared by several nodes counted once). */
    public List<Param> params() {
        Set<Layer> seen = new LinkedHashSet<>();
        for (SymbolicTensor t : nodes) if (t.layer().trainable()) seen.add(t.layer());
        List<Param> ps = new ArrayList<>();
        for (Layer l : seen) ps.addAll(l.params());
        return ps;
    }

    /** The model's outputs for these inputs, computed in batches (inference: Dropout off). */
    public NDArray predict(NDArray x, int batchSize) {
        if (!isInitialized()) createMissingWeights(0);
        return run.predict(x, batchSize);
    }

    public NDArray predict(NDArray x) { return predict(x, 32); }

    /** The layer with this name, as Keras's {@code model.get_layer("conv2d")}. */
    public Layer getLayer(String name) { return LayerLookup.byName(this, name); }

    /** The layer at this place in {@link #layers()}, as Keras's {@code model.get_layer(index=2)}. */
    public Layer getLayer(int index) { return LayerLookup.byIndex(this, index); }

    // ------------------------------------------------------------------ Keras's compile, fit, evaluate

    /**
     * Keras's {@code model.compile(optimizer="adam", loss=…, metrics=[…])}: the optimizer by name, with
     * Keras's default learning rate ("sgd" 0.01; "adam", "adamw", "rmsprop", "adagrad" 0.001).
     */
    public void compile(String optimizer, String loss, String... metrics) { compile(Optimizers.get(optimizer), loss, metrics); }

    /** {@code model.compile(new Adam(1e-3), "mse", "mae")}. */
    public void compile(Optimizer optimizer, String loss, String... metrics) { compiled = new Compiled(this, new Trainer(this, optimizer, loss, metrics)); }

    /** Keras's positional order, {@code model.fit(x, y, 32, 10)}: batch size, then epochs. */
    public History fit(NDArray x, NDArray y, int batchSize, int epochs) { return fit(x, y, new FitOptions().batchSize(batchSize).epochs(epochs)); }

    public History fit(NDArray x, NDArray y, int batchSize, int epochs, FitOptions o) { return fit(x, y, o.batchSize(batchSize).epochs(epochs)); }

    /** Trains on these samples, after the checks of {@link Compiled}; missing weights get the options' seed. */
    public History fit(NDArray x, NDArray y, FitOptions o) { return compiled("fit").fit(x, y, o); }

    /** Loss and metrics on these samples, printing Keras's line: {@code {loss=0.31, accuracy=0.9}}. */
    public Map<String, Double> evaluate(NDArray x, NDArray y) { return evaluate(x, y, 32, 1); }

    public Map<String, Double> evaluate(NDArray x, NDArray y, int batchSize) { return evaluate(x, y, batchSize, 1); }

    /** verbose 0 prints nothing. */
    public Map<String, Double> evaluate(NDArray x, NDArray y, int batchSize, int verbose) { return compiled("evaluate").evaluate(x, y, batchSize, verbose); }

    /**
     * One real training step on this batch, worked with its numbers: the loss, then for one weight of each
     * layer (the one with the largest gradient) its value, gradient and the optimizer's update filled in.
     * The weights change, as in fit.
     */
    public StepExplanation explainStep(NDArray x, NDArray y) { return compiled("explainStep").explainStep(x, y); }

    /** True once compile(…) has been called. */
    public boolean isCompiled() { return compiled != null; }

    private Compiled compiled(String method) {
        if (compiled == null) throw Compiled.notCompiled(name, method);
        return compiled;
    }

    /** Warnings about shapes that build but probably do not do what was meant (Dense after Conv2D, skipped pixels). */
    public List<ShapeLinter.Warning> lint() { return ShapeLinter.lint(this); }

    /** The same warnings, plus whether the output layer fits this loss, such as "categorical_crossentropy". */
    public List<ShapeLinter.Warning> lint(String loss) { return ShapeLinter.lint(this, loss); }

    /**
     * Uses this whole model as one layer of another, as Keras's {@code x = inner(x)}. Calling it twice
     * shares the weights, as in Keras.
     */
    public SymbolicTensor apply(SymbolicTensor x) { return asLayer().apply(x); }

    /** This model as a layer; the same layer object every time, so that its weights are shared. */
    NestedModel asLayer() {
        if (asLayer == null) asLayer = new NestedModel(this);
        return asLayer;
    }

    // ------------------------------------------------------------------ weights and files

    /** Copies of every weight, layer by layer in the order of layers(), as Keras's model.get_weights(). */
    public List<NDArray> getWeights() { return ModelWeights.get(this); }

    /** Replaces every weight, in the order of getWeights(); a wrong count or shape is refused before anything changes. */
    public void setWeights(List<NDArray> weights) { ModelWeights.set(this, weights); }

    /** Saves the architecture and the weights as Keras 3's {@code .keras} file, which Keras's load_model opens. */
    public void save(String path) { KerasArchive.save(this, Path.of(path)); }

    /**
     * A model from a {@code .keras} file, with its trained weights, or from model JSON (tf.keras 2's or
     * Keras 3's {@code to_json()}), architecture only: its weights are fresh.
     */
    public static Model load(String path) { return KerasArchive.load(Path.of(path)); }

    /** Saves the weights alone as Keras 3's {@code .weights.h5}, as model.save_weights. */
    public void saveWeights(String path) { KerasArchive.saveWeights(this, Path.of(path)); }

    /** Loads weights from a {@code .weights.h5} or {@code .keras} file saved from this architecture, as model.load_weights. */
    public void loadWeights(String path) { KerasArchive.loadWeights(this, Path.of(path)); }

    /** The model in the JSON form of tf.keras 2's {@code model.to_json()}; {@link KerasJson#read(String)} reads it back. */
    public String toJson() { return KerasJson.write(this); }

    /** One line, so that JShell echoes no table; summary() prints the table. */
    @Override public String toString() { return Summary.oneLine(this); }
}
