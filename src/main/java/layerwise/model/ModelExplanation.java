package layerwise.model;

import java.util.ArrayList;
import java.util.List;

import layerwise.error.NnException;
import layerwise.explain.Derivation;
import layerwise.explain.Explanation;
import layerwise.layers.InputLayer;
import layerwise.layers.SymbolicTensor;

/** Builds a model's explanation: a title, every layer's derivation, and how the totals add up. */
final class ModelExplanation {
    private ModelExplanation() {}

    static Explanation of(Model model) {
        if (model instanceof Sequential s) s.requireBuilt();
        List<Derivation> layers = model.derivations();
        Summary summary = model.summaryTable();
        List<String> footer = new ArrayList<>();
        List<String> terms = layers.stream().map(d -> Explanation.thousands(d.params())).toList();
        String sum = terms.size() > 1 && terms.size() <= 12 ? String.join(" + ", terms) + " = " : "";
        footer.add(String.format("Total params = %s%,d (trainable %,d, non-trainable %,d)",
                sum, summary.totalParams(), summary.trainableParams(), summary.nonTrainableParams()));
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
