package layerwise.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import layerwise.chart.Charts;
import layerwise.data.Dataset;
import layerwise.error.ConfigException;
import layerwise.error.Problem;
import layerwise.data.Split;
import layerwise.model.Model;
import layerwise.ndarray.NDArray;
import layerwise.train.Adagrad;
import layerwise.train.Adam;
import layerwise.train.AdamW;
import layerwise.train.FitListener;
import layerwise.train.FitOptions;
import layerwise.train.History;
import layerwise.train.Optimizer;
import layerwise.train.RMSprop;
import layerwise.train.SGD;

/**
 * {@code ./layerwise train MODEL.json --data digits|iris|random:100x100x100x3:10 --loss NAME
 * --optimizer sgd|adam|rmsprop|adagrad [--lr X] --epochs N --batch-size N [--seed N] [--chart loss.png]
 * [--format text|json] [--save trained.keras]}. A MODEL.keras file starts from its saved weights. Holds 20 % of the samples out for testing and 10 % of the rest for validation;
 * json prints one object per epoch and a final {"test_accuracy": …}.
 */
final class TrainCommand {
    private TrainCommand() {}

    static int run(String[] args, PrintStream out, PrintStream err) {
        TrainArgs a = TrainArgs.parse(args);
        Model model = Model.load(a.model().toString());
        // a .keras file brings its trained weights: training goes on from them
        if (!model.isInitialized()) model.initialize(a.seed());
        Dataset data = TrainData.load(a.data(), a.seed()).reshape(sampleShape(model));
        model.compile(a.optimizer(), a.loss(), "accuracy");
        // checked on all the samples, so an error shows the data's full shape, (100, 10) in seed 000
        model.checkTarget(a.loss(), TrainData.targets(data.y(), data.classes(), a.loss(), model));
        Split s = data.split(0.2, a.seed());
        NDArray yTrain = TrainData.targets(s.yTrain(), s.classes(), a.loss(), model), yTest = TrainData.targets(s.yTest(), s.classes(), a.loss(), model);
        boolean json = a.format().equals("json");
        FitOptions o = new FitOptions().seed(a.seed()).validationSplit(0.1).out(out)
                .verbose(json ? 0 : (System.console() != null ? 1 : 2));
        if (json) o.listener(jsonLines(out));
        History h = model.fit(s.xTrain(), yTrain, a.batchSize(), a.epochs(), o);
        Map<String, Double> test = model.evaluate(s.xTest(), yTest, a.batchSize(), 0);
        if (json) {
            out.printf(Locale.ROOT, "{\"test_loss\":%.6f,\"test_accuracy\":%.6f}%n", test.get("loss"), test.get("accuracy"));
        } else {
            out.printf(Locale.ROOT, "Test loss: %.4f - test accuracy: %.4f (%d held-out samples)%n", test.get("loss"), test.get("accuracy"), s.xTest().dim(0));
        }
        if (a.chart() != null) {
            Charts.save(Charts.history(h), a.chart());
            if (!json) out.println("Chart saved to " + a.chart());
        }
        if (a.save() != null) {
            model.save(a.save().toString());
            if (!json) out.println("Model saved to " + a.save() + " (Keras 3 format: keras.saving.load_model opens it)");
        }
        return 0;
    }

    static int[] sampleShape(Model model) {
        return Arrays.stream(model.inputShape().dims()).mapToInt(d -> (int) d).toArray();
    }

    private static FitListener jsonLines(PrintStream out) {
        return new FitListener() {
            @Override
            public void onEpochEnd(int epoch, Map<String, Double> logs, History history) {
                StringBuilder b = new StringBuilder("{\"epoch\":" + epoch);
                logs.forEach((k, v) -> b.append(",\"").append(k).append("\":").append(String.format(Locale.ROOT, "%.6f", v)));
                out.println(b.append('}'));
            }
        };
    }

    /** The parsed flags; a missing or malformed one is a usage error (exit code 2). */
    record TrainArgs(Path model, String data, String loss, Optimizer optimizer, int epochs, int batchSize,
                     long seed, Path chart, String format, Path save) {
        static TrainArgs parse(String[] args) {
            Path model = null, chart = null, save = null;
            String data = null, loss = "categorical_crossentropy", opt = "sgd", format = "text";
            Double lr = null;
            int epochs = 10, batch = 32;
            long seed = 0;
            for (int i = 0; i < args.length; i++) {
                String flag = args[i];
                if (!flag.startsWith("--")) {
                    if (model != null) throw usage("unknown argument '" + flag + "'");
                    model = Path.of(flag);
                    continue;
                }
                if (i + 1 >= args.length) throw usage(flag + " needs a value");
                String v = args[++i];
                switch (flag) {
                    case "--data" -> data = v;
                    case "--loss" -> loss = v;
                    case "--optimizer" -> opt = oneOf(flag, v, List.of("sgd", "adam", "adamw", "rmsprop", "adagrad"));
                    case "--lr" -> lr = number(flag, v);
                    case "--epochs" -> epochs = (int) positive(flag, v);
                    case "--batch-size" -> batch = (int) positive(flag, v);
                    case "--seed" -> seed = (long) number(flag, v);
                    case "--chart" -> chart = Path.of(v);
                    case "--format" -> format = oneOf(flag, v, List.of("text", "json"));
                    case "--save" -> save = kerasFile(flag, v);
                    default -> throw usage("unknown flag '" + flag + "'");
                }
            }
            if (model == null) throw usage("which model? e.g. ./layerwise train models/seed000_conv_then_dense.json --data random:100x100x100x3:10");
            if (!Files.exists(model)) throw usage("no file '" + model + "' (paths are relative to " + Path.of("").toAbsolutePath() + ")");
            if (data == null) throw usage("which data? --data digits, iris or random:SAMPLESxD1x…:CLASSES");
            if (chart != null) checkChartFolder(chart);
            return new TrainArgs(model, data, loss, optimizer(opt, lr), epochs, batch, seed, chart, format, save);
        }

        /** Checked before training, so that minutes of training are not lost to a typo in the path. */
        private static void checkChartFolder(Path chart) {
            Path folder = chart.toAbsolutePath().getParent();
            if (folder != null && Files.isDirectory(folder) && Files.isWritable(folder)) return;
            boolean exists = folder != null && Files.isDirectory(folder);
            throw new ConfigException(Problem.at("--chart " + chart)
                    .headline("Cannot save the chart to " + chart + ": the folder " + folder + (exists ? " is not writable." : " does not exist."))
                    .expected("a PNG path in an existing, writable folder").got(chart.toString())
                    .fix(exists ? "choose a folder you can write to" : "create the folder first (mkdir -p " + folder + "), or save the chart in the current folder: --chart loss.png"));
        }

        static Optimizer optimizer(String name, Double lr) {
            return switch (name) {
                case "adam" -> new Adam(lr == null ? 0.001 : lr);
                case "adamw" -> new AdamW(lr == null ? 0.001 : lr);
                case "rmsprop" -> new RMSprop(lr == null ? 0.001 : lr);
                case "adagrad" -> new Adagrad(lr == null ? 0.001 : lr);
                default -> new SGD(lr == null ? 0.01 : lr);
            };
        }

        /** Checked before training, so that a wrong name or folder does not cost the training run. */
        private static Path kerasFile(String flag, String v) {
            Path p = Path.of(v);
            if (!v.endsWith(".keras")) throw usage(flag + " needs a file name ending in .keras, got '" + v + "'");
            Path folder = p.toAbsolutePath().getParent();
            if (folder != null && !Files.isDirectory(folder)) throw usage(flag + ": the folder " + folder + " does not exist");
            return p;
        }

        private static String oneOf(String flag, String v, List<String> allowed) {
            if (!allowed.contains(v)) throw usage(flag + " must be one of " + String.join("|", allowed) + ", got '" + v + "'");
            return v;
        }

        private static double number(String flag, String v) {
            try {
                return Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw usage(flag + " needs a number, got '" + v + "'");
            }
        }

        private static double positive(String flag, String v) {
            double d = number(flag, v);
            if (d < 1 || d != Math.rint(d)) throw usage(flag + " needs a whole number ≥ 1, got '" + v + "'");
            return d;
        }

        private static UsageException usage(String message) { return new UsageException("train: " + message + "\n" + Main.USAGE); }
    }
}
