package layerwise.cli;

import java.io.PrintStream;
import java.util.List;

import layerwise.model.IncompleteModelException;
import layerwise.model.KerasJson;
import layerwise.model.Model;
import layerwise.model.Summary;
import layerwise.model.SummaryStyle;

/**
 * {@code ./layerwise summary MODEL.json [--format text|json] [--columns all] [--expand-nested] [--loss NAME]
 * [--style tf.keras2|keras3]}: the model's summary table, in tf.keras 2's layout or Keras 3's box table. Shape warnings go to stderr. A model that fails half-way prints its table up
 * to the failing layer, explains the failure on stderr and exits with 1.
 */
final class SummaryCommand {
    private SummaryCommand() {}

    static int run(String[] args, PrintStream out, PrintStream err) {
        ModelArgs a = ModelArgs.parse("summary", args, List.of("text", "json"));
        try {
            Model model = KerasJson.read(a.file());
            out.print(render(model.summaryTable(), a));
            Warnings.print(model, a.loss(), err);
            return 0;
        } catch (IncompleteModelException e) {
            out.print(render(e.summary(), a));
            err.println(e.getMessage());
            return 1;
        }
    }

    private static String render(Summary s, ModelArgs a) {
        Summary expanded = a.expandNested() ? s.expandNested() : s;
        Summary shown = a.allColumns() ? expanded.withAllColumns() : expanded;
        if (a.format().equals("json")) return shown.toJson();
        return shown.toText(a.style().equals("keras3") ? SummaryStyle.KERAS3 : SummaryStyle.TF_KERAS2);
    }
}
