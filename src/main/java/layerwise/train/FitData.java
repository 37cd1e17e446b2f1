package layerwise.train;

import java.util.Random;

import layerwise.error.ConfigException;
import layerwise.error.Problem;
import layerwise.error.ShapeException;
import layerwise.ndarray.NDArray;

/** The samples fit trains on and validates with, after the checks made before training. */
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

    /** As many targets as samples, or Keras's "Data cardinality is ambiguous". */
    static void checkCardinality(NDArray x, NDArray y) {
        if (x.dim(0) == y.dim(0)) return;
        throw new ShapeException(Problem.at("fit")
                .headline("Data cardinality is ambiguous: x sizes: " + x.dim(0) + ", y sizes: " + y.dim(0))
                .expected("as many targets as samples").got(x.dim(0) + " samples " + x.shape() + ", " + y.dim(0) + " targets " + y.shape())
                .fix("pass x and y with the same first axis"));
    }

    /**
     * Every number must be finite: one NaN in the data makes the loss NaN after the first batch that
     * holds it, and every weight NaN after the step that follows. Reports the first one, by index.
     */
    static void checkFinite(String where, String array, NDArray a) {
        float[] d = a.contiguous().data();
        int first = -1, count = 0;
        for (int i = 0; i < d.length; i++) {
            if (!Float.isFinite(d[i])) {
                if (first < 0) first = i;
                count++;
            }
        }
        if (first < 0) return;
        String index = index(first, a.dims());
        throw new ConfigException(Problem.at(where)
                .headline(array + " holds " + (count == 1 ? "a non-finite value" : count + " non-finite values") + ": "
                        + array + index + " = " + d[first] + ", in sample " + first / Math.max(1, d.length / a.dim(0)))
                .expected("finite numbers in " + array + " " + a.shape())
                .got(array + index + " = " + d[first] + (count > 1 ? " and " + (count - 1) + " more NaN or infinite value(s)" : ""))
                .why("one NaN or infinity makes the loss NaN, and after the next step every weight NaN: the model learns nothing")
                .fix("clean the data first: drop the samples that hold it, or replace missing values (for example by the column's mean)"));
    }

    /** "[12, 3, 0]": the position of flat index i in an array of these dims. */
    private static String index(int i, int[] dims) {
        int[] at = new int[dims.length];
        for (int k = dims.length - 1; k >= 0; k--) {
            at[k] = i % dims[k];
            i /= dims[k];
        }
        return java.util.Arrays.toString(at);
    }
}
