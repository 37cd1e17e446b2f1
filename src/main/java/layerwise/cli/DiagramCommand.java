package layerwise.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import layerwise.model.KerasJson;

/** {@code ./layerwise diagram MODEL.json --output model.svg}: a block per layer, arrows along the data, as SVG. */
final class DiagramCommand {
    private DiagramCommand() {}

    static int run(String[] args, PrintStream out, PrintStream err) {
        Path file = null, output = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--output")) {
                if (i + 1 >= args.length) throw usage("--output needs a file name, e.g. --output model.svg");
                output = Path.of(args[++i]);
            } else if (args[i].startsWith("--") || file != null) {
                throw usage("unknown argument '" + args[i] + "'");
            } else {
                file = Path.of(args[i]);
            }
        }
        if (file == null) throw usage("which model? e.g. ./layerwise diagram models/seed003_three_conv_blocks.json --output model.svg");
        if (!Files.exists(file)) throw usage("no file '" + file + "' (paths are relative to " + Path.of("").toAbsolutePath() + ")");
        if (output == null) throw usage("where to? --output model.svg");
        KerasJson.read(file).diagram().save(output);
        out.println("Diagram saved to " + output);
        return 0;
    }

    private static UsageException usage(String message) { return new UsageException("diagram: " + message + "\n" + Main.USAGE); }
}
