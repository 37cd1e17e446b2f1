package layerwise.model;

import java.util.Arrays;

import layerwise.error.Problem;
import layerwise.error.ShapeException;
import layerwise.layers.Layer;
import layerwise.ndarray.NDArray;
import layerwise.ndarray.Shape;

/**
 * The target checks that depend on the loss, made by fit and evaluate before any step: class numbers
 * for a sparse loss, one-hot rows (not class numbers) for categorical_crossentropy, and regression
 * targets a squashing output (softmax, sigmoid) can reach. The shapes are then compared by {@link TargetCheck}.
 */
final class LossTargets {
    private LossTargets() {}

    static void check(Model model, String loss, NDArray y) {
        Shape out = model.outputShape();
        String activation = model.outputActivation(), where = model.outputLayer().label();
        long units = out.rank() == 0 ? 1 : out.last();
        if (activation.equals("softmax") && units == 1) {
            throw new ShapeException(Problem.at(where)
                    .headline("A softmax over a single unit always outputs 1.0, whatever the input: the model cannot learn.")
                    .expected("softmax over 2 or more units (one per class), or one sigmoid unit for yes/no")
                    .got("softmax over the output " + out.withBatch())
                    .fix("for two classes use Dense(1, activation=\"sigmoid\") with binary_crossentropy; for a value, a linear activation with mse"));
        }
        if (loss.startsWith("sparse")) {
            sparse(model, y);
            return;
        }
        if (loss.equals("categorical_crossentropy") && units > 1 && isClassNumbers(y, out)) {
            throw new ShapeException(Problem.at(where)
                    .headline("categorical_crossentropy expects one-hot targets of shape " + out.withBatch() + ", but got class numbers of shape " + y.shape())
                    .expected("targets of shape " + out.withBatch().replace("None", Integer.toString(y.dim(0))) + ": one row per sample with a 1 at its class")
                    .got("targets of shape " + y.shape() + " holding class numbers such as " + (int) y.data()[0])
                    .fix("one-hot them with NDArray.toCategorical(y, " + units + "), or compile with \"sparse_categorical_crossentropy\", which takes class numbers"));
        }
        boolean regression = !loss.contains("crossentropy");
        if (regression && (activation.equals("softmax") || activation.equals("sigmoid"))) outOfReach(model, activation, y);
        TargetCheck.check(model, regression, Arrays.stream(y.dims()).asLongStream().toArray());
    }

    /** Class numbers: whole numbers ≥ 0, one per output row (shape without the class axis, or with a 1 there). */
    private static boolean isClassNumbers(NDArray y, Shape out) {
        Shape labels = Layer.sampleShape(y), want = out.dropLast();
        if (!labels.equals(want) && !labels.equals(want.append(1))) return false;
        for (float v : y.contiguous().data()) if (v < 0 || v != Math.rint(v)) return false;
        return true;
    }

    /** A softmax or sigmoid output lies between 0 and 1: a regression target outside that can never be met. */
    private static void outOfReach(Model model, String activation, NDArray y) {
        float[] t = y.contiguous().data();
        for (int i = 0; i < t.length; i++) {
            if (t[i] >= 0 && t[i] <= 1) continue;
            throw new ShapeException(Problem.at(model.outputLayer().label())
                    .headline("The targets hold " + t[i] + " (sample " + i / Math.max(1, t.length / y.dim(0)) + "), which a " + activation
                            + " output can never reach: it lies between 0 and 1" + (activation.equals("softmax") ? " and sums to 1." : "."))
                    .expected("regression targets between 0 and 1 for a " + activation + " output")
                    .got("a target of " + t[i])
                    .why(activation + " is for probabilities; a regression loss compares the output with the target values themselves")
                    .fix("predict values with a linear output: Dense(" + y.dim(-1) + ") without activation (or activation=\"linear\"), one unit per target value"));
        }
    }

    /** Every class number must name one of the output's units, checked on all samples before the first step. */
    private static void classRange(Model model, NDArray y, long classes) {
        float[] t = y.contiguous().data();
        for (int i = 0; i < t.length; i++) {
            if (t[i] >= 0 && t[i] < classes && t[i] == Math.rint(t[i])) continue;
            throw new ShapeException(Problem.at(model.outputLayer().label())
                    .headline("Received a label value of " + t[i] + " which is outside the valid range of [0, " + (classes - 1) + "]")
                    .expected("class numbers 0.." + (classes - 1) + " (the model has " + classes + " outputs)")
                    .got(t[i] + " at sample " + i / Math.max(1, t.length / y.dim(0)))
                    .fix("give the last layer as many units as there are classes (Dense(" + (int) (max(t) + 1) + ") for labels 0.."
                            + (int) max(t) + "), or check the labels"));
        }
    }

    private static float max(float[] t) {
        float m = 0;
        for (float v : t) m = Math.max(m, v);
        return m;
    }

    /** Keras's sparse check: one class number per prediction row. */
    private static void sparse(Model model, NDArray y) {
        Shape out = model.outputShape(), labels = Layer.sampleShape(y), want = out.dropLast();
        if (labels.equals(want) || labels.equals(want.append(1))) {
            classRange(model, y, out.last());
            return;
        }
        throw new ShapeException(Problem.at(model.outputLayer().label())
                .headline("Error when checking target: sparse_categorical_crossentropy expects one class number per prediction, shape "
                        + "(samples" + want.withBatch().substring(5) + ", but got array with shape " + y.shape())
                .expected("targets of shape (" + y.dim(0) + want.withBatch().substring(5) + " holding class numbers, for the output " + out.withBatch())
                .got("targets of shape " + y.shape())
                .fix(labels.equals(out) ? "these look one-hot: use categorical_crossentropy" : "give one class number per sample"));
    }
}
