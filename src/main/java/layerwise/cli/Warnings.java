package layerwise.cli;

import java.io.PrintStream;

import layerwise.model.Model;
import layerwise.model.ShapeLinter;

/** Prints the shape linter's warnings on stderr, so that stdout stays the table or the JSON a tool reads. */
final class Warnings {
    private Warnings() {}

    static void print(Model model, String loss, PrintStream err) {
        for (ShapeLinter.Warning w : loss == null ? model.lint() : model.lint(loss)) err.println(w.toText());
    }
}
