package layerwise.train;

import java.util.Random;

import layerwise.error.Problem;
import layerwise.error.ShapeException;
import layerwise.model.Model;
import layerwise.ndarray.NDArray;
import layerwise.ndarray.Shape;

/** The samples fit trains on and validates with, after the checks Keras makes before training. */
record FitData(NDArray x, NDArray y, NDArray validationX, NDArray validationY) {

    static FitData split(NDArray x, NDArray y, FitOptions o) {
        if (o.validationX != null) return new FitData(x, y, o.validationX, o.validationY);
        if (o.validationSplit == 0) return new FitData(x, y, null, null);
        int n = x.dim(0), train = (int) Math.floor(n * (1 - o.validationSplit));
        return new FitData(x.slice(0, train), y.slice(0, train), x.slice(train, n), y.slice(train, n));
    }

    /** Sample order for one epoch: shuffled with the generator, or 0, 1, 2, … without one. */
    static int[] order(int n, Random rng) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        if (rng == null) return order;
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1), t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** The target check of Keras: same number of samples, and targets shaped like the output (or class numbers for a sparse loss). */
    static void checkTarget(Model model, Loss loss, NDArray x, NDArray y) {
        if (x.dim(0) != y.dim(0)) {
            throw new ShapeException(Problem.at("fit")
                    .headline("Data cardinality is ambiguous: x sizes: " + x.dim(0) + ", y sizes: " + y.dim(0))
                    .expected("as many targets as samples").got(x.dim(0) + " samples " + x.shape() + ", " + y.dim(0) + " targets " + y.shape())
                    .fix("pass x and y with the same first axis"));
        }
        long[] dims = java.util.Arrays.stream(y.dims()).asLongStream().toArray();
        if (!loss.name().startsWith("sparse")) {
            model.checkTarget(dims);
            return;
        }
        Shape out = model.outputShape();
        Shape labels = Shape.of(java.util.Arrays.copyOfRange(dims, 1, dims.length));
        Shape want = out.dropLast();
        if (labels.equals(want) || labels.equals(want.append(1))) return;
        throw new ShapeException(Problem.at(model.outputLayer().label())
                .headline("Error when checking target: sparse_categorical_crossentropy expects one class number per prediction, shape "
                        + "(samples" + want.withBatch().substring(5) + ", but got array with shape " + y.shape())
                .expected("targets of shape (" + y.dim(0) + want.withBatch().substring(5) + " holding class numbers, for the output " + out.withBatch())
                .got("targets of shape " + y.shape())
                .fix(labels.equals(out) ? "these look one-hot: use categorical_crossentropy" : "give one class number per sample"));
    }
}
