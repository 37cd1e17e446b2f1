package layerwise.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import layerwise.data.Dataset;
import layerwise.model.Model;
import layerwise.ndarray.NDArray;

/**
 * {@code ./layerwise trace MODEL.json --data digits|iris|random:… [--sample I] [--seed S]}: one sample
 * through the model (weights from the seed), each layer's worked shape formula beside the real array's
 * shape, its statistics and a corner of it.
 */
final class TraceCommand {
    private TraceCommand() {}

    static int run(String[] args, PrintStream out, PrintStream err) {
        Path file = null;
        String data = null;
        int sample = 0;
        long seed = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = value(args, ++i, "--data");
                case "--sample" -> sample = whole(value(args, ++i, "--sample"), "--sample");
                case "--seed" -> seed = whole(value(args, ++i, "--seed"), "--seed");
                default -> {
                    if (args[i].startsWith("--") || file != null) throw usage("unknown argument '" + args[i] + "'");
                    file = Path.of(args[i]);
                }
            }
        }
        if (file == null) throw usage("which model? e.g. ./layerwise trace models/digits_cnn.json --data digits");
        if (!Files.exists(file)) throw usage("no file '" + file + "' (paths are relative to " + Path.of("").toAbsolutePath() + ")");
        if (data == null) throw usage("which data? --data digits, iris or random:SAMPLESxD1x…:CLASSES");
        Model model = Model.load(file.toString());
        // a .keras file brings its trained weights; model JSON gets the seed's
        boolean trained = model.isInitialized();
        if (!trained) model.initialize(seed);
        Dataset d = TrainData.load(data, seed).reshape(TrainCommand.sampleShape(model));
        if (sample < 0 || sample >= d.x().dim(0)) throw usage("--sample must be from 0 to " + (d.x().dim(0) - 1) + ", got " + sample);
        NDArray x = d.x().slice(sample, sample + 1).contiguous();
        out.println("Sample " + sample + " of " + d.name() + " (label " + (int) d.y().get(sample) + "), "
                + (trained ? "trained weights from " + file.getFileName() : "weights from seed " + seed + " (untrained)"));
        out.print(model.trace(x).toText());
        return 0;
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) throw usage(flag + " needs a value");
        return args[i];
    }

    private static int whole(String v, String flag) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw usage(flag + " needs a whole number, got '" + v + "'");
        }
    }

    private static UsageException usage(String message) { return new UsageException("trace: " + message + "\n" + Main.USAGE); }
}
