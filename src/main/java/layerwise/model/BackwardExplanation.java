package layerwise.model;

import java.util.ArrayList;
import java.util.List;

import layerwise.explain.Derivation;
import layerwise.explain.Explanation;
import layerwise.explain.Expr;
import layerwise.explain.Gradient;
import layerwise.layers.Gradients;
import layerwise.layers.InputLayer;
import layerwise.layers.SymbolicTensor;
import layerwise.ndarray.Shape;
import layerwise.train.Losses;

/**
 * Builds a model's backward explanation: the loss's gradient first, then every layer from the output
 * back to the input, each with the rules and shapes of its gradients (the layers' own backward
 * derivations), and how many gradient numbers training computes per step.
 */
final class BackwardExplanation {
    private BackwardExplanation() {}

    /** The loss a model's output suggests when none is given, as a student would compile it. */
    static String defaultLoss(LayerGraph model) { return Losses.suggestedFor(model.outputLayer().outputActivation()); }

    static Explanation of(LayerGraph model, String loss) {
        model.requireBuilt();
        List<Derivation> steps = new ArrayList<>();
        steps.add(lossGradient(model, loss));
        List<SymbolicTensor> nodes = model.nodes();
        for (int i = nodes.size() - 1; i >= 0; i--) {
            SymbolicTensor t = nodes.get(i);
            if (t.layer() instanceof InputLayer) continue;
            steps.add(t.layer().backwardDerivation(t.inputs().stream().map(SymbolicTensor::shape).toList()));
        }
        List<String> footer = List.of(
                "Every weight gets one gradient number: " + Explanation.thousands(model.summaryTable().trainableParams())
                        + " per step, arrays shaped like the weights, so w − lr·g is defined weight by weight.",
                "The first layer's ∂L/∂x is not needed to train (no weight lies before it); training skips it.");
        return new Explanation("Backward pass: \"" + model.name() + "\", from the loss back to the input", steps, footer);
    }

    /** ∂L/∂ŷ, or ∂L/∂z where the loss fuses with the output's softmax or sigmoid. */
    private static Derivation lossGradient(LayerGraph model, String loss) {
        Shape out = model.outputShape();
        String activation = model.outputLayer().outputActivation();
        Derivation d = Derivation.backward("loss", loss, Shape.of()).note("L is the mean over the N samples of the batch, so every gradient carries a factor 1/N");
        List<Expr> shape = Gradient.batchOf(out);
        boolean crossEntropy = loss.contains("crossentropy");
        if (crossEntropy && (activation.equals("softmax") || activation.equals("sigmoid"))) {
            String y = loss.startsWith("sparse") ? "one_hot(y)" : "y";
            return d.gradient(Gradient.of(Gradient.OUTPUT, "∂L/∂z", Gradients.rule("(ŷ − " + y + ") / N", "\\frac{\\hat{y} - " + y.replace("_", "\\_") + "}{N}"),
                    shape, activation + " and cross-entropy fuse: their derivatives cancel to ŷ − y, the predicted probabilities minus the true ones"));
        }
        if (loss.equals("mse") || loss.equals("mean_squared_error")) {
            return d.gradient(Gradient.of(Gradient.OUTPUT, "∂L/∂ŷ", Gradients.rule("2·(ŷ − y) / (N·outputs)", "\\frac{2(\\hat{y} - y)}{N \\cdot \\mathrm{outputs}}"),
                    shape, "the squared error's slope: twice the error, larger errors pull harder"));
        }
        if (loss.equals("mae") || loss.equals("mean_absolute_error")) {
            return d.gradient(Gradient.of(Gradient.OUTPUT, "∂L/∂ŷ", Gradients.rule("sign(ŷ − y) / (N·outputs)", "\\frac{\\mathrm{sign}(\\hat{y} - y)}{N \\cdot \\mathrm{outputs}}"),
                    shape, "the absolute error's slope is ±1: every error pulls equally hard"));
        }
        return d.gradient(Gradient.of(Gradient.OUTPUT, "∂L/∂ŷ", Gradients.rule("−y / ŷ / N", "-\\frac{y}{\\hat{y} N}"),
                shape, "cross-entropy on probabilities: a small probability for the true class pulls hard"));
    }
}
