package layerwise.model;

import java.util.IdentityHashMap;
import java.util.Map;

import layerwise.error.ConfigException;
import layerwise.error.Problem;
import layerwise.layers.Layer;
import layerwise.layers.Param;
import layerwise.ndarray.NDArray;
import layerwise.train.FitOptions;
import layerwise.train.History;
import layerwise.train.StepExplanation;
import layerwise.train.Trainer;

/**
 * A model after compile(…): its training loop, and the checks fit and evaluate make on the model's
 * side before any step (a shared layer, x shaped as the input, targets that fit the output and the
 * loss, arrays that fit in memory), so that a mistake is explained before "Epoch 1" is printed.
 */
final class Compiled {
    private final Model model;
    private final Trainer trainer;

    Compiled(Model model, Trainer trainer) {
        this.model = model;
        this.trainer = trainer;
    }

    History fit(NDArray x, NDArray y, FitOptions o) {
        model.checkTrainable();
        checkNumbers("fit", x, y);
        SizeCheck.batch(model, o.batchSize());
        if (!model.isInitialized()) model.createMissingWeights(o.seed());
        return trainer.fit(x, y, o);
    }

    Map<String, Double> evaluate(NDArray x, NDArray y, int batchSize, int verbose) {
        checkNumbers("evaluate", x, y);
        if (!model.isInitialized()) model.createMissingWeights(0);
        return trainer.evaluate(x, y, batchSize, verbose, System.out);
    }

    /** One real step, worked: the first weight array of each layer with weights gets its chosen weight explained. */
    StepExplanation explainStep(NDArray x, NDArray y) {
        model.checkTrainable();
        checkNumbers("explainStep", x, y);
        if (!model.isInitialized()) model.createMissingWeights(0);
        Map<Param, String> firstWeights = new IdentityHashMap<>();
        for (Layer l : model.layers()) if (l.trainable() && !l.params().isEmpty()) firstWeights.put(l.params().get(0), l.label());
        return trainer.explainStep(x, y, firstWeights);
    }

    private void checkNumbers(String where, NDArray x, NDArray y) {
        trainer.checkData(where, x, y);
        GraphRun.checkInput(model.inputs().get(0), x);
        LossTargets.check(model, trainer.loss().name(), y);
    }

    /** Keras's refusal of fit or evaluate before compile. */
    static ConfigException notCompiled(String model, String method) {
        return new ConfigException(Problem.at(model)
                .headline("You must call `compile()` before calling `" + method + "()`.")
                .expected("model.compile(optimizer, loss, metrics…) first").got(method + "(…) on a model that was never compiled")
                .why(method + " needs a loss to measure the error" + (method.equals("fit") ? " and an optimizer to change the weights" : ""))
                .fix("call model.compile(\"adam\", \"sparse_categorical_crossentropy\", \"accuracy\") (with your loss) before " + method));
    }
}
