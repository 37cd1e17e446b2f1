package layerwise.cli;

import java.io.PrintStream;
import java.util.List;

import layerwise.explain.Explanation;
import layerwise.model.IncompleteModelException;
import layerwise.model.KerasJson;
import layerwise.model.Model;

/**
 * {@code ./layerwise explain MODEL.json [--format text|markdown|html] [--loss NAME]}: every layer's
 * formulas with the numbers filled in; with {@code --backward}, the backward pass from the loss to the input. Shape warnings go to stderr; a model that fails half-way is
 * explained up to the failing layer, and the failure on stderr, with exit code 1.
 */
final class ExplainCommand {
    private ExplainCommand() {}

    static int run(String[] args, PrintStream out, PrintStream err) {
        ExplainArgs x = ExplainArgs.parse(args);
        ModelArgs a = ModelArgs.parse("explain", x.rest(), List.of("text", "markdown", "html"));
        try {
            Model model = KerasJson.read(a.file());
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

    private static String render(Explanation e, String format) {
        return switch (format) {
            case "markdown" -> e.toMarkdown();
            case "html" -> e.toHtml();
            default -> e.toText();
        };
    }
}
