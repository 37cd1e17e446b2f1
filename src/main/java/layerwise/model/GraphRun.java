package layerwise.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import layerwise.error.Problem;
import layerwise.error.ShapeException;
import layerwise.layers.InputLayer;
import layerwise.layers.Layer;
import layerwise.layers.SymbolicTensor;
import layerwise.ndarray.NDArray;
import layerwise.ndarray.Shape;

/**
 * Runs a model's graph on numbers. Forward visits the tensors in {@link Model#nodes()} order (each
 * after its inputs); backward visits them in reverse, and a tensor used by several layers receives
 * the sum of their gradients (the chain rule over a fork).
 */
final class GraphRun {
    private final Model model;
    private final Map<SymbolicTensor, NDArray> values = new IdentityHashMap<>();

    GraphRun(Model model) { this.model = model; }

    NDArray forward(NDArray x, boolean training) {
        values.clear();
        SymbolicTensor input = model.inputs().get(0);
        checkInput(input, x);
        for (SymbolicTensor t : model.nodes()) {
            if (t.layer() instanceof InputLayer) {
                values.put(t, x);
                continue;
            }
            List<NDArray> in = new ArrayList<>();
            for (SymbolicTensor i : t.inputs()) in.add(values.get(i));
            values.put(t, in.size() == 1 ? t.layer().forward(in.get(0), training) : t.layer().forward(in, training));
        }
        return values.get(model.outputs().get(0));
    }

    /** What the last forward computed for this tensor of the graph, or null. */
    NDArray valueOf(SymbolicTensor t) { return values.get(t); }

    /** The outputs for these inputs, batch by batch, in inference mode. */
    NDArray predict(NDArray x, int batchSize) {
        List<NDArray> parts = new ArrayList<>();
        for (int i = 0; i < x.dim(0); i += batchSize) parts.add(forward(x.slice(i, Math.min(x.dim(0), i + batchSize)), false).contiguous());
        return Batches.concat(parts);
    }

    /**
     * Gradients from the output back to the input; {@code fromLogits} starts below the output layer's
     * activation. Without {@code toInput} only the weights' gradients are wanted: layers that read the
     * model's input skip dLoss/dInput, and null is returned.
     */
    NDArray backward(NDArray gradOut, boolean fromLogits, boolean toInput) {
        model.checkTrainable();
        for (SymbolicTensor t : model.nodes()) {
            boolean readsInput = !t.inputs().isEmpty() && t.inputs().stream().allMatch(i -> i.layer() instanceof InputLayer);
            t.layer().needInputGradient(toInput || !readsInput);
        }
        try {
            return backwardPass(gradOut, fromLogits);
        } finally {
            for (SymbolicTensor t : model.nodes()) t.layer().needInputGradient(true);
        }
    }

    private NDArray backwardPass(NDArray gradOut, boolean fromLogits) {
        Map<SymbolicTensor, NDArray> grads = new HashMap<>();
        SymbolicTensor out = model.outputs().get(0);
        grads.put(out, gradOut);
        List<SymbolicTensor> nodes = model.nodes();
        for (int n = nodes.size() - 1; n >= 0; n--) {
            SymbolicTensor t = nodes.get(n);
            NDArray g = grads.remove(t);
            if (t.layer() instanceof InputLayer) {
                grads.put(t, g);
                continue;
            }
            if (g == null) continue;
            Layer layer = t.layer();
            List<NDArray> gin = t.inputs().size() > 1 ? layer.backwardToInputs(g)
                    : java.util.Collections.singletonList(fromLogits && t == out ? layer.backwardFromLogits(g) : layer.backward(g));
            for (int i = 0; i < gin.size(); i++) {
                if (gin.get(i) != null) grads.merge(t.inputs().get(i), gin.get(i), NDArray::add);
            }
        }
        return grads.get(model.inputs().get(0));
    }

    /** The data must have the input's shape (any batch size); checked by fit and evaluate before the first step too. */
    static void checkInput(SymbolicTensor input, NDArray x) {
        Shape want = input.shape(), got = Layer.sampleShape(x);
        boolean ok = want.rank() == got.rank();
        for (int i = 0; ok && i < want.rank(); i++) ok = want.dim(i) == Shape.NONE || want.dim(i) == got.dim(i);
        if (ok) return;
        throw new ShapeException(Problem.at(input.layer().label())
                .headline("Error when checking input: expected " + input.layer().name() + " to have shape " + want
                        + " but got array with shape " + x.shape())
                .expected("a batch of samples shaped " + want + ", i.e. " + want.withBatch())
                .got("an array of shape " + x.shape() + ": samples shaped " + got)
                .fix("reshape the data to (samples, " + want.toString().substring(1) + ", or change the model's input shape"));
    }
}
