package layerwise.model;

import java.util.ArrayList;
import java.util.List;

import layerwise.error.ConfigException;
import layerwise.error.Problem;
import layerwise.explain.Derivation;
import layerwise.explain.Explanation;
import layerwise.explain.Svg;
import layerwise.layers.InputLayer;
import layerwise.layers.Layer;
import layerwise.layers.SymbolicTensor;
import layerwise.ndarray.Shape;

/**
 * The half of a {@link Model} that needs no numbers: its layers, connected from the inputs to the
 * outputs, and what their shapes say (summary, the layer-by-layer explanation, the backward pass, the
 * diagram, shape warnings). Every layer's shape is known as soon as it is applied, so all of this works
 * before the model has any weights. {@code Model} adds the weights and Keras's training.
 */
public abstract class LayerGraph {
    private final String name;
    private final List<SymbolicTensor> inputs = new ArrayList<>();
    private final List<SymbolicTensor> outputs = new ArrayList<>();
    /** Every tensor of the graph, inputs first, each after the tensors it is computed from. */
    private final List<SymbolicTensor> nodes = new ArrayList<>();
    /** Each layer once, in Keras's order (set by the graph constructor; Sequential keeps its own list). */
    private final List<Layer> layerOrder = new ArrayList<>();
    /** Set once the graph is known to have no shared layer, so that training checks it once, not per step. */
    private boolean checkedForTraining;

    /** The graph from these inputs to these outputs, its layers in Keras's order. */
    LayerGraph(String name, List<? extends SymbolicTensor> inputs, List<? extends SymbolicTensor> outputs) {
        this(name);
        this.inputs.addAll(inputs);
        this.outputs.addAll(outputs);
        KerasOrder order = KerasOrder.of(inputs, outputs);
        nodes.addAll(order.nodes());
        layerOrder.addAll(order.layers());
    }

    /** An empty graph, for models that grow it themselves, such as Sequential. */
    LayerGraph(String name) {
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

    /** The layer that computes the model's output. */
    public Layer outputLayer() {
        requireBuilt();
        return outputs.get(0).layer();
    }

    /** The layer with this name, as Keras's {@code model.get_layer("conv2d")}. */
    public Layer getLayer(String name) { return LayerLookup.byName(this, name); }

    /** The layer at this place in {@link #layers()}, as Keras's {@code model.get_layer(index=2)}. */
    public Layer getLayer(int index) { return LayerLookup.byIndex(this, index); }

    /**
     * True when the model is one chain (each layer has one input and is called once): summary then has
     * 3 columns. A shared layer makes it a graph, as in Keras, whose summary then shows every call.
     */
    public boolean isSequentialLike() { return KerasOrder.isChain(inputs, outputs, nodes); }

    /** True once the input shape is known; a graph built from its inputs always knows it. */
    public boolean isBuilt() { return true; }

    /** Refuses, with the explained error, to show a model whose input shape is not known yet. */
    void requireBuilt() {
        if (isBuilt()) return;
        throw new ConfigException(Problem.at(name)
                .headline("This model has not yet been built. Build the model first by calling `build()` or by calling the model on a batch of data.")
                .expected("a known input shape").got("no inputShape(…) on the first layer and no Input")
                .why("without the input shape no layer can work out its output shape or its number of weights")
                .fix("give the first layer .inputShape(…), start with model.add(new Input(…)), or call model.build(…)"));
    }

    public Shape inputShape() {
        requireBuilt();
        return inputs.get(0).shape();
    }

    public Shape outputShape() {
        requireBuilt();
        return outputs.get(0).shape();
    }

    // ------------------------------------------------------------------ what the shapes say

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
        requireBuilt();
        return ModelDiagram.of(this);
    }

    /** Warnings about shapes that build but probably do not do what was meant (Dense after Conv2D, skipped pixels). */
    public List<ShapeLinter.Warning> lint() { return ShapeLinter.lint(this); }

    /** The same warnings, plus whether the output layer fits this loss, such as "categorical_crossentropy". */
    public List<ShapeLinter.Warning> lint(String loss) { return ShapeLinter.lint(this, loss); }

    /**
     * Checks a target array's shape against the model's output before any training, so that a wrong
     * target fails with an explanation rather than deep inside fit. {@code targetShape} includes the
     * batch axis, as NumPy's y_train.shape: {@code checkTarget(100, 10)}.
     */
    public void checkTarget(long... targetShape) { TargetCheck.check(this, targetShape); }

    /**
     * Refuses, with the explained error, to train a model in which one layer object is called more than
     * once (a shared layer): its gradients would be wrong. fit and every backward call this first.
     */
    public void checkTrainable() {
        if (checkedForTraining) return;
        SharedLayers.requireNone(this);
        checkedForTraining = true;
    }

    /** One line, so that JShell echoes no table; summary() prints the table. */
    @Override public String toString() { return Summary.oneLine(this); }
}
