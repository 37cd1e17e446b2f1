package layerwise.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import layerwise.layers.Layer;
import layerwise.layers.Names;
import layerwise.layers.Param;
import layerwise.layers.SymbolicTensor;
import layerwise.layers.Trainable;
import layerwise.ndarray.NDArray;
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
 * layer-by-layer explanation without seeing any data: that half is {@link LayerGraph}. This class adds
 * the numbers: the weights, forward and backward, Keras's compile, fit, evaluate and predict, and files.
 */
public class Model extends LayerGraph implements Trainable {
    private NestedModel asLayer;
    private final GraphRun run = new GraphRun(this);
    /** The optimizer, loss and metrics of compile(…); null until then. */
    private Compiled compiled;

    public Model(SymbolicTensor input, SymbolicTensor output) {
        this(List.of(input), List.of(output));
    }

    public Model(List<? extends SymbolicTensor> inputs, List<? extends SymbolicTensor> outputs) {
        this(Names.unique("model"), inputs, outputs);
    }

    /** A model with a name of your choice, as Keras's {@code Model(inputs, outputs, name="encoder")}. */
    public Model(String name, List<? extends SymbolicTensor> inputs, List<? extends SymbolicTensor> outputs) {
        super(name, inputs, outputs);
    }

    /** For subclasses that grow the graph themselves, such as Sequential. */
    protected Model(String name) {
        super(name);
    }

    // ------------------------------------------------------------------ computing with numbers

    /** Creates every layer's weights afresh, in order, from one generator with this seed. */
    public void initialize(long seed) {
        SizeCheck.weights(this);
        Random rng = new Random(seed);
        for (SymbolicTensor t : nodes()) {
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
        for (SymbolicTensor t : nodes()) if (t.layer().isInitialized()) kept.add(t.layer());
        Random rng = new Random(seed);
        for (SymbolicTensor t : nodes()) {
            if (!t.inputs().isEmpty() && !kept.contains(t.layer())) t.layer().initialize(t.inputs().get(0).shape(), rng);
        }
    }

    /** True once every layer has its weights. */
    public boolean isInitialized() { return nodes().stream().allMatch(t -> t.layer().isInitialized()); }

    /** The model on a batch: each layer's forward in order; weights are created with seed 0 if still missing. */
    public NDArray forward(NDArray x, boolean training) {
        requireBuilt();
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

    /** Back through every layer in reverse; fills every param's gradient and returns dLoss/dInput. */
    public NDArray backward(NDArray gradOut) { return run.backward(gradOut, false, true); }

    /** Like backward, but starting from dLoss/dLogits of the output layer (a loss fused with its activation). */
    public NDArray backwardFromLogits(NDArray gradLogits) { return run.backward(gradLogits, true, true); }

    /**
     * What training needs: every param's gradient, without dLoss/dInput (which no weight needs, and
     * which costs a first convolution most of its backward). {@code fromLogits} as in backwardFromLogits.
     */
    public void backwardToWeights(NDArray grad, boolean fromLogits) { run.backward(grad, fromLogits, false); }

    @Override public String outputActivation() { return outputLayer().outputActivation(); }

    @Override public NDArray savedLogits() { return outputLayer().savedLogits(); }

    /** The weights of all trainable layers (a layer shared by several nodes counted once). */
    public List<Param> params() {
        Set<Layer> seen = new LinkedHashSet<>();
        for (SymbolicTensor t : nodes()) if (t.layer().trainable()) seen.add(t.layer());
        List<Param> ps = new ArrayList<>();
        for (Layer l : seen) ps.addAll(l.params());
        return ps;
    }

    /** The model's outputs for these inputs, computed in batches (inference: Dropout off). */
    public NDArray predict(NDArray x, int batchSize) {
        requireBuilt();
        if (!isInitialized()) createMissingWeights(0);
        return run.predict(x, batchSize);
    }

    public NDArray predict(NDArray x) { return predict(x, 32); }

    /** The check fit makes on the targets for this loss (one-hot or class numbers, reachable values, shape). */
    public void checkTarget(String loss, NDArray y) { LossTargets.check(this, loss, y); }

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
        if (compiled == null) throw Compiled.notCompiled(name(), method);
        requireBuilt();
        return compiled;
    }

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
}
