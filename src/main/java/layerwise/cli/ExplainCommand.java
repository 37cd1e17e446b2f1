package layerwise.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import layerwise.data.Dataset;
import layerwise.data.Split;
import layerwise.explain.Explanation;
import layerwise.layers.Layer;
import layerwise.layers.SymbolicTensor;
import layerwise.model.IncompleteModelException;
import layerwise.model.KerasJson;
import layerwise.model.Model;
import layerwise.ndarray.NDArray;
import layerwise.train.Losses;
import layerwise.train.Optimizers;

/**
 * {@code ./layerwise explain MODEL.json [--format text|markdown|html] [--loss NAME]}: every layer's
 * formulas with the numbers filled in; with {@code --backward}, the backward pass from the loss to the input;
 * with {@code --step --data D [--optimizer O] [--lr X] [--seed S]}, one real training step worked with its numbers. Shape warnings go to stderr; a model that fails half-way is
 * explained up to the failing layer, and the failure on stderr, with exit code 1.
 */
final class ExplainCommand {
    private ExplainCommand() {}

    static int run(String[] args, PrintStream out, PrintStream err) {
        ExplainArgs x = ExplainArgs.parse(args);
        ModelArgs a = ModelArgs.parse("explain", x.rest(), List.of("text", "markdown", "html"));
        try {
            Model model = KerasJson.read(a.file());
            if (x.has("--layer") || x.has("--picture")) return picture(model, x, out);
            if (x.step()) {
                out.print(step(model, x, a.loss()));
                return 0;
            }
            if (x.backward()) {
                out.print(render(a.loss() == null ? model.backwardExplanation() : model.backwardExplanation(a.loss()), a.format()));
                return 0;
            }
            out.print(render(model.explanation(), a.format()));
            Warnings.print(model, a.loss(), err);
            return 0;
        } catch (IncompleteModelException e) {
            out.print(render(e.explanation(), a.format()));
            err.println(e.getMessage());
            return 1;
        }
    }

    /** The window picture of one layer of the model, over the input it gets in the model. */
    private static int picture(Model model, ExplainArgs x, PrintStream out) {
        if (!x.has("--layer") || !x.has("--picture")) throw new UsageException("explain: give both --layer NAME and --picture FILE.svg");
        String name = x.value("--layer", "");
        SymbolicTensor node = model.nodes().stream().filter(t -> t.layer().name().equals(name)).findFirst()
                .orElseThrow(() -> new UsageException("explain: no layer '" + name + "'; the layers are "
                        + model.layers().stream().map(Layer::name).toList()));
        node.layer().picture(node.inputs().get(0).shape()).save(Path.of(x.value("--picture", "")));
        out.println("Picture of " + node.layer().label() + " saved to " + x.value("--picture", ""));
        return 0;
    }

    /** One real step on the first 32 training samples (shuffled by the seed), worked with its numbers. */
    private static String step(Model model, ExplainArgs x, String lossOrNull) {
        if (!x.has("--data")) throw new UsageException("explain --step: which data? --data digits, iris or random:SAMPLESxD1x…:CLASSES");
        long seed = (long) number(x, "--seed", 0);
        String loss = lossOrNull != null ? lossOrNull : Losses.suggestedFor(model.outputLayer().outputActivation());
        String opt = x.value("--optimizer", "sgd");
        if (!Optimizers.NAMES.contains(opt)) throw new UsageException("explain: --optimizer must be one of " + String.join("|", Optimizers.NAMES) + ", got '" + opt + "'");
        model.initialize(seed);
        model.compile(TrainCommand.TrainArgs.optimizer(opt, x.has("--lr") ? number(x, "--lr", 0) : null), loss);
        Dataset data = TrainData.load(x.value("--data", ""), seed).reshape(TrainCommand.sampleShape(model));
        Split s = data.split(0.2, seed);
        int n = Math.min(32, s.xTrain().dim(0));
        NDArray y = TrainData.targets(s.yTrain().slice(0, n), s.classes(), loss, model);
        return "Data: " + data.name() + ", the first " + n + " training samples; weights from seed " + seed + "; loss " + loss + "\n\n"
                + model.explainStep(s.xTrain().slice(0, n).contiguous(), y.contiguous()).toText();
    }

    private static double number(ExplainArgs x, String flag, double orElse) {
        if (!x.has(flag)) return orElse;
        try {
            return Double.parseDouble(x.value(flag, ""));
        } catch (NumberFormatException e) {
            throw new UsageException("explain: " + flag + " needs a number, got '" + x.value(flag, "") + "'");
        }
    }

    private static String render(Explanation e, String format) {
        return switch (format) {
            case "markdown" -> e.toMarkdown();
            case "html" -> e.toHtml();
            default -> e.toText();
        };
    }
}
