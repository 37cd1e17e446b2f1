package layerwise.cli;

import java.io.PrintStream;

import layerwise.error.NnException;
import layerwise.examples.SeedModels;
import layerwise.layers.Names;
import layerwise.model.Model;

/**
 * {@code ./layerwise tour}: the four student questions, answered one after another with each model's
 * summary and its layer-by-layer explanation, ending with the explained error of seed 000.
 */
final class Tour {
    private final PrintStream out;

    Tour(PrintStream out) {
        this.out = out;
    }

    int run() {
        chapter("1. Conv2D then Dense: where does Flatten go? (seed 000)",
                "With Flatten, the Dense layers see one vector per sample.");
        show(SeedModels.convThenDense(true));
        chapter("1b. The same model without Flatten",
                "Dense acts on the last axis only, so the output stays 4-D: (None, 98, 98, 10).");
        Model noFlatten = SeedModels.convThenDense(false);
        show(noFlatten);
        out.println("The shape linter sees the problem before any data (model.lint(), also printed by ./layerwise summary):");
        out.println();
        noFlatten.lint().forEach(w -> out.println(w.toText()));
        out.println();
        out.println("Training it on targets of shape (100, 10), as in the question, fails before any step:");
        out.println();
        try {
            noFlatten.checkTarget(100, 10);
            out.println("(unexpectedly, the targets fit)");
        } catch (NnException e) {
            out.println(e.getMessage());
        }
        out.println();
        chapter("2. Axis order: (rows, cols, channels) (seed 001)",
                "Channels come last, so input (15, 15, 20) has 20 channels...");
        show(SeedModels.sameConvolutions(15, 15, 20));
        chapter("2b. ...and input (20, 15, 15) has 15 channels and 20 rows",
                "Same layers, different numbers: the kernel now sees 15 input channels.");
        show(SeedModels.sameConvolutions(20, 15, 15));
        chapter("2c. Conv1D: (steps, channels), with no rows or columns",
                "A Conv1D slides along the one axis of steps; 1287 steps of 69 features give (None, 1287, 64).");
        show(SeedModels.sequenceConvolutions());
        chapter("3. Dense on inputs of different ranks (seed 002)",
                "(784,) gives 784×4 + 4 = 3,140 weights; (784, 1) gives 1×4 + 4 = 8, shared by all 784 positions.");
        for (long[] shape : new long[][] {{784}, {784, 1}, {32, 28}, {32, 28, 1}}) {
            show(SeedModels.denseOn(shape));
        }
        chapter("4. Reading model.summary(): where 148 and 448 come from (seed 003)",
                "O = (W − K + 2P)/S + 1 for each axis; params = K_h×K_w×C_in×F + F.");
        show(SeedModels.threeConvBlocks());
        return 0;
    }

    private void chapter(String title, String lead) {
        Names.reset();
        out.println("=".repeat(title.length()));
        out.println(title);
        out.println("=".repeat(title.length()));
        out.println(lead);
        out.println();
    }

    private void show(Model model) {
        out.print(model.summaryTable().toText());
        out.println();
        out.print(model.explanation().toText());
        out.println();
    }
}
