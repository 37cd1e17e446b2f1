package layerwise.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import layerwise.error.ConfigException;
import layerwise.error.Problem;
import layerwise.error.ShapeException;
import layerwise.explain.Derivation;
import layerwise.explain.Expr;
import layerwise.layers.FluentLayer;
import layerwise.layers.Param;
import layerwise.layers.SymbolicTensor;
import layerwise.ndarray.NDArray;
import layerwise.ndarray.Shape;

/**
 * A whole model used as one layer of another, as Keras allows with {@code outer.add(inner)} or
 * {@code x = inner(x)}. Its output shape is the inner model's; its params are the sum of its layers':
 * params = params(layer_1) + … + params(layer_n). summary() shows it as one row, or its layers
 * below it with {@code summaryTable().expandNested()}.
 * Input shape: the inner model's input shape. Output shape: the inner model's output shape.
 */
public final class NestedModel extends FluentLayer<NestedModel> {
    private final Model model;

    public NestedModel(Model model) {
        this.model = model;
        if (model.inputs().size() != 1 || model.outputs().size() != 1) {
            throw new ConfigException(Problem.at(model.name())
                    .headline("Model " + model.name() + " has " + model.inputs().size() + " inputs and " + model.outputs().size()
                            + " outputs; Layerwise nests only models with one input and one output.")
                    .expected("one input and one output").got(model.inputs().size() + " inputs, " + model.outputs().size() + " outputs")
                    .fix("use the inner model's layers directly in the outer model"));
        }
        name(model.name());
    }

    /** "Sequential" or "Functional", as Keras names a nested model in summary(); "NestedModel" while constructing. */
    @Override
    public String type() {
        // Layer's constructor asks for the type before this class's fields are set, to pick a default name.
        if (model == null) return "NestedModel";
        return model instanceof Sequential ? "Sequential" : "Functional";
    }

    public Model model() { return model; }

    @Override
    protected Derivation derive(Shape in) {
        Shape want = model.inputShape();
        if (!fits(want, in)) {
            throw new ShapeException(Problem.at(label())
                    .headline("Input 0 of layer \"" + name() + "\" is incompatible with the layer: expected shape=" + want.withBatch()
                            + ", found shape=" + in.withBatch())
                    .expected("the input shape the nested model " + name() + " was built for: " + want.withBatch())
                    .got(in.withBatch())
                    .fix("make the layers before " + name() + " produce " + want.withBatch() + ", or build " + name() + " for " + in.withBatch()));
        }
        Summary inner = model.summaryTable();
        Derivation d = start(in).note("a whole model used as a layer: its " + inner.rows().size()
                + " layers run in order; summaryTable().expandNested() lists them");
        Shape out = model.outputShape();
        for (int i = 0; i < out.rank(); i++) d.dim("axis " + (i + 1), "", Expr.var("out", out.dim(i)), "the output of " + model.outputLayer().name());
        List<Expr> trainable = new ArrayList<>(), frozen = new ArrayList<>();
        for (Summary.Row r : inner.rows()) {
            if (r.trainableParams() > 0) trainable.add(Expr.var(r.name(), r.trainableParams()));
            if (r.params() > r.trainableParams()) frozen.add(Expr.var(r.name(), r.params() - r.trainableParams()));
        }
        d.params(trainable.isEmpty() ? Expr.of(0) : Expr.sum(trainable), "the sum over its layers");
        if (!frozen.isEmpty()) d.nonTrainableParams(Expr.sum(frozen), "the frozen numbers of its layers");
        return d.macs(Expr.of(inner.totalMacs()));
    }

    private static boolean fits(Shape want, Shape in) {
        if (want.rank() != in.rank()) return false;
        for (int i = 0; i < want.rank(); i++) {
            if (want.dim(i) != Shape.NONE && want.dim(i) != in.dim(i)) return false;
        }
        return true;
    }

    /** The inner model's config (name, layers and, for a graph, its inputs and outputs), as Keras nests it. */
    @Override
    public Map<String, Object> config() { return KerasWriter.modelConfig(model); }

    @Override public NDArray forward(NDArray x, boolean training) { return model.forward(x, training); }
    @Override public NDArray backward(NDArray gradOut) { return model.backward(gradOut); }
    @Override public NDArray backwardFromLogits(NDArray gradLogits) { return model.backwardFromLogits(gradLogits); }
    @Override public String outputActivation() { return model.outputLayer().outputActivation(); }
    @Override public NDArray savedLogits() { return model.outputLayer().savedLogits(); }
    @Override public List<Param> params() { return model.params(); }
    @Override public boolean isInitialized() { return model.isInitialized(); }
    @Override public List<NDArray> getWeights() { return ModelWeights.get(model); }
    @Override public void setWeights(List<NDArray> weights) { ModelWeights.set(model, weights); }
    @Override public List<String> weightNames() { return ModelWeights.names(model); }

    @Override
    public void initialize(Shape in, Random rng) {
        for (SymbolicTensor t : model.nodes()) {
            if (!t.inputs().isEmpty()) t.layer().initialize(t.inputs().get(0).shape(), rng);
        }
    }
}
