package layerwise.train;

import layerwise.error.Problem;
import layerwise.error.ShapeException;
import layerwise.ndarray.NDArray;

/** Checks that targets fit the predictions, with an explained error when they do not. */
final class Targets {
    private Targets() {}

    static void sameShape(String loss, NDArray yPred, NDArray yTrue) {
        if (yPred.shape().equals(yTrue.shape())) return;
        throw new ShapeException(Problem.at(loss)
                .headline("Shapes " + yTrue.shape() + " and " + yPred.shape() + " are incompatible: the targets do not have the shape of the model output")
                .expected("targets of shape " + yPred.shape() + ", like the predictions").got("targets of shape " + yTrue.shape())
                .fix(yTrue.rank() == yPred.rank() - 1 || (yTrue.dim(-1) == 1 && yPred.dim(-1) > 1)
                        ? "the targets look like class numbers: use sparse_categorical_crossentropy, or NDArray.toCategorical(y, " + yPred.dim(-1) + ")"
                        : "make the targets' shape match the model output"));
    }

    /** Class numbers (one per position, shape (…) or (…, 1)) as one-hot rows over the last axis of yPred. */
    static float[] oneHot(String loss, NDArray yPred, NDArray yTrue) {
        int c = yPred.dim(-1), rows = yPred.size() / c;
        if (yTrue.size() != rows) {
            throw new ShapeException(Problem.at(loss)
                    .headline("Received a label value array of shape " + yTrue.shape() + " which does not match the predictions " + yPred.shape())
                    .expected("one class number per prediction row: " + rows + " labels, shape " + yPred.shape().dropLast())
                    .got(yTrue.size() + " numbers, shape " + yTrue.shape())
                    .fix(yTrue.size() == yPred.size() ? "the targets look one-hot: use categorical_crossentropy" : "give one class number per sample"));
        }
        float[] labels = yTrue.data(), t = new float[yPred.size()];
        for (int r = 0; r < rows; r++) {
            int k = (int) labels[r];
            if (k < 0 || k >= c || k != labels[r]) {
                throw new ShapeException(Problem.at(loss)
                        .headline("Received a label value of " + labels[r] + " which is outside the valid range of [0, " + (c - 1) + "]")
                        .expected("class numbers 0.." + (c - 1) + " (the model has " + c + " outputs)").got(labels[r] + " at sample " + r)
                        .fix("check the labels, or give the last layer as many units as there are classes"));
            }
            t[r * c + k] = 1f;
        }
        return t;
    }
}
