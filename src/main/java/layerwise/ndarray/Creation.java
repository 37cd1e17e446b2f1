package layerwise.ndarray;

import java.util.Random;
import java.util.SplittableRandom;

import layerwise.error.Problem;
import layerwise.error.ShapeException;

/**
 * How the new arrays of {@link NDArray}'s factory methods are filled: random numbers from a seed,
 * rows given as Java arrays, one-hot labels.
 */
final class Creation {
    private Creation() {}

    static NDArray random(Random rng, int... shape) {
        NDArray a = NDArray.zeros(shape);
        for (int i = 0; i < a.data.length; i++) a.data[i] = rng.nextFloat();
        return a;
    }

    static NDArray normal(Random rng, double mean, double std, int... shape) {
        NDArray a = NDArray.zeros(shape);
        for (int i = 0; i < a.data.length; i++) a.data[i] = (float) (mean + std * rng.nextGaussian());
        return a;
    }

    static NDArray randint(long seed, int high, int... shape) {
        SplittableRandom rng = new SplittableRandom(seed);
        NDArray a = NDArray.zeros(shape);
        for (int i = 0; i < a.data.length; i++) a.data[i] = rng.nextInt(high);
        return a;
    }

    static NDArray rows(float[][] rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        float[] d = new float[rows.length * cols];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != cols) throw ragged(i, rows[i].length, cols);
            System.arraycopy(rows[i], 0, d, i * cols, cols);
        }
        return new NDArray(d, Layout.rowMajor(rows.length, cols));
    }

    static NDArray rows(double[][] rows) {
        float[][] f = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            f[i] = new float[rows[i].length];
            for (int j = 0; j < f[i].length; j++) f[i][j] = (float) rows[i][j];
        }
        return rows(f);
    }

    static NDArray toCategorical(NDArray labels, int numClasses) {
        float[] y = labels.contiguous().data;
        int off = labels.layout.isCompact() ? labels.layout.offset : 0, n = labels.size();
        NDArray out = NDArray.zeros(n, numClasses);
        for (int i = 0; i < n; i++) {
            float v = y[off + i];
            if (v != Math.rint(v) || v < 0 || v >= numClasses) {
                throw new ShapeException(Problem.at("toCategorical")
                        .headline("label " + v + " at index " + i + " is not a class in 0.." + (numClasses - 1))
                        .expected("whole numbers from 0 to " + (numClasses - 1)).got(Float.toString(v))
                        .fix("pass numClasses larger than the largest label, or check the labels"));
            }
            out.data[i * numClasses + (int) v] = 1f;
        }
        return out;
    }

    private static ShapeException ragged(int row, int got, int want) {
        return new ShapeException(Problem.at("NDArray.of")
                .headline("setting an array element with a sequence. The requested array has an inhomogeneous shape")
                .expected(want + " numbers in every row, as in row 0").got(got + " numbers in row " + row)
                .fix("give every row the same length"));
    }
}
