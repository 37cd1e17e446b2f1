package layerwise.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import layerwise.error.NnException;

/**
 * The {@code ./layerwise} command line. Each command's name and flags are a contract that external
 * checks call exactly as written: add commands and flags, never rename them.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err));
    }

    /** Runs one command and returns its exit code: 0 done, 1 the input was wrong (explained on err), 2 bad usage. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("help")) {
            out.print(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            return switch (args[0]) {
                case "tour" -> new Tour(out).run();
                case "summary" -> SummaryCommand.run(rest, out, err);
                case "explain" -> ExplainCommand.run(rest, out, err);
                case "train" -> TrainCommand.run(rest, out, err);
                case "trace" -> TraceCommand.run(rest, out, err);
                case "diagram" -> DiagramCommand.run(rest, out, err);
                case "bench" -> Bench.run(rest, out);
                case "kernel" -> KernelInstall.run(rest, out, err);
                case "jshell" -> JShellCommand.run(rest, out, err);
                case "grade" -> new Grade(out, err).run(rest);
                case "exercises" -> new ExerciseNotebook(out, err).run(rest);
                case "autograder" -> new Autograder(out, err).run(rest);
                default -> {
                    err.println("Unknown command '" + args[0] + "'.");
                    err.print(USAGE);
                    yield 2;
                }
            };
        } catch (NnException e) {
            err.println(e.getMessage());
            return 1;
        } catch (UsageException e) {
            err.println(e.getMessage());
            return 2;
        }
    }

    static final String USAGE = """
            Usage: ./layerwise COMMAND [ARGS]
              tour                                   the four student questions, explained layer by layer
              summary MODEL.json [--format text|json]  the Keras summary of a model file (model.to_json(), .keras)
                      [--columns all] [--expand-nested] [--loss NAME] [--style tf.keras2|keras3]
                                                     extra columns: input shapes, mult-adds, memory, receptive field
              explain MODEL.json [--format text|markdown|html] [--loss NAME]
                                                     every layer's formulas with the numbers filled in
              explain MODEL.json --backward [--format text|markdown|html] [--loss NAME]
                                                     the backward pass: every gradient's rule and shape, loss to input
              explain MODEL.json --step --data digits|iris|random:… [--optimizer sgd|adam|rmsprop|adagrad]
                      [--lr X] [--seed N] [--loss NAME]  one real training step, one weight per layer worked with its numbers
              explain MODEL.json --layer NAME --picture window.svg
                                                     a convolution's or pooling's window over its input, as SVG
              diagram MODEL.json --output model.svg  a picture of the model: a block per layer, arrows along the data
              trace MODEL.json --data digits|iris|random:100x28x28x1:10 [--sample I] [--seed N]
                                                     one sample through the model: derived and real shapes, values
              train MODEL.json --data digits|iris|random:100x100x100x3:10 --loss NAME
                    --optimizer sgd|adam|rmsprop|adagrad [--lr X] --epochs N --batch-size N
                    [--seed N] [--chart loss.png] [--format text|json] [--save trained.keras]
                                                     trains the model, prints each epoch and the test accuracy;
                                                     a MODEL.keras starts from its saved weights
              bench [--models S1,S3,M|none] [--gemm 256,512,1024,2048] [--epochs N] [--format json|text]
                                                     speed figures as JSON lines (see README, Speed)
              kernel install [--user|--sys-prefix|--prefix DIR]
                                                     adds the "Java (Layerwise)" kernel to Jupyter (default --user)
              jshell [SCRIPT.jsh]                    JShell with Layerwise on the class path and imported
              grade --sheet FILE [--roster roster.csv] [--format text|json|csv|gradescope] [--feedback DIR]
                    [--output FILE] [--timeout S] [--jobs N] NOTEBOOK...
                                                     grades each notebook in a fresh JVM, for the roster's student id
              exercises --sheet FILE [--student-id ID] [--teacher] [--output FILE]
                                                     writes an exercise notebook (student version, or one student's key)
              autograder --sheet FILE --output autograder.zip
                                                     a Gradescope autograder for the sheet
            Examples: ./layerwise summary models/seed003_three_conv_blocks.json
            """;
}
