package layerwise.data;

import java.util.Random;

import layerwise.error.Problem;
import layerwise.error.ShapeException;
import layerwise.ndarray.NDArray;

/**
 * Samples x (batch axis first) with their class numbers y, and the number of classes.
 * {@code oneHot()} gives the targets for categorical_crossentropy; y itself suits sparse_categorical_crossentropy.
 */
public record Dataset(String name, NDArray x, NDArray y, int classes) {

    /** The targets as one-hot rows, like keras.utils.to_categorical(y, classes). */
    public NDArray oneHot() { return NDArray.toCategorical(y, classes); }

    /** The same samples seen with another sample shape, e.g. digits as (8, 8, 1) instead of (64,). */
    public Dataset reshape(int... sampleShape) {
        int size = 1;
        for (int d : sampleShape) size *= d;
        int per = x.size() / Math.max(x.dim(0), 1);
        if (size != per) {
            throw new ShapeException(Problem.at(name)
                    .headline("cannot reshape the " + name + " samples of " + per + " numbers into " + Split.tuple(sampleShape))
                    .expected("a shape of " + per + " numbers per sample, e.g. " + Split.tuple(java.util.Arrays.copyOfRange(x.dims(), 1, x.rank())))
                    .got(Split.tuple(sampleShape) + ", " + size + " numbers")
                    .why("reshaping only regroups a sample's numbers; it cannot add or drop any")
                    .fix("give the model an input shape with " + per + " numbers per sample"));
        }
        int[] dims = new int[sampleShape.length + 1];
        dims[0] = x.dim(0);
        System.arraycopy(sampleShape, 0, dims, 1, sampleShape.length);
        return new Dataset(name, x.reshape(dims), y, classes);
    }

    /** Shuffles the samples with this seed and keeps the last {@code testFraction} of them apart for testing. */
    public Split split(double testFraction, long seed) {
        int n = x.dim(0), test = (int) Math.round(n * testFraction);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Random rng = new Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1), t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] trainIdx = java.util.Arrays.copyOfRange(order, 0, n - test), testIdx = java.util.Arrays.copyOfRange(order, n - test, n);
        return new Split(x.take(trainIdx), y.take(trainIdx), x.take(testIdx), y.take(testIdx), classes);
    }
}
