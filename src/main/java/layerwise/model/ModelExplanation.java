package layerwise.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import layerwise.error.NnException;
import layerwise.explain.Derivation;
import layerwise.explain.Explanation;
import layerwise.layers.InputLayer;
import layerwise.layers.Layer;
import layerwise.layers.SymbolicTensor;

/** Builds a model's explanation: a title, every layer's derivation, and how the totals add up. */
final class ModelExplanation {
    private ModelExplanation() {}

    static Explanation of(LayerGraph model) {
        model.requireBuilt();
        List<Derivation> layers = model.derivations();
        Summary summary = model.summaryTable();
        List<String> footer = new ArrayList<>();
        Map<Layer, Integer> calls = new LinkedHashMap<>();
        List<String> terms = new ArrayList<>();
        for (SymbolicTensor t : model.nodes()) {
            if (t.layer() instanceof InputLayer) continue;
            if (calls.merge(t.layer(), 1, Integer::sum) == 1) terms.add(Explanation.thousands(t.derivation().params()));
        }
        String sum = terms.size() > 1 && terms.size() <= 12 ? String.join(" + ", terms) + " = " : "";
        footer.add(String.format("Total params = %s%,d (trainable %,d, non-trainable %,d)",
                sum, summary.totalParams(), summary.trainableParams(), summary.nonTrainableParams()));
        calls.forEach((layer, n) -> {
            if (n > 1) footer.add(layer.name() + " is called " + n + " times (a shared layer): its calls use the same weights, counted once");
        });
        footer.add("Output shape: " + model.outputShape().withBatch() + ", where None is the batch size");
        return new Explanation("Model: \"" + model.name() + "\"", layers, footer);
    }

    /** The trace of the layers worked out before {@code failed}, ending with why that layer failed. */
    static Explanation partial(String modelName, List<SymbolicTensor> built, String failed, NnException cause) {
        List<Derivation> layers = built.stream().filter(t -> !(t.layer() instanceof InputLayer))
                .map(SymbolicTensor::derivation).toList();
        List<String> footer = List.of("✗ " + failed + " failed: " + cause.headline(),
                "The layers after " + failed + " are not worked out.");
        return new Explanation("Model: \"" + modelName + "\"", layers, footer);
    }
}
