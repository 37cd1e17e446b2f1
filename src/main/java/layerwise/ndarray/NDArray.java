package layerwise.ndarray;

import java.util.Arrays;
import java.util.Random;

import layerwise.error.Problem;
import layerwise.error.ShapeException;

/**
 * An N-dimensional array of float32 numbers, NumPy's ndarray in small: the numbers in one flat
 * {@code float[]} and a {@link Layout} (shape, strides, offset) saying where each element lives.
 * reshape, transpose and batch slices share the numbers; arithmetic returns new arrays.
 * <pre>
 *   var x = NDArray.random(42, 100, 100, 100, 3);   // like np.random.random((100, 100, 100, 3))
 *   var y = NDArray.toCategorical(labels, 10);       // like keras.utils.to_categorical
 * </pre>
 */
public final class NDArray {
    final float[] data;
    final Layout layout;

    NDArray(float[] data, Layout layout) {
        this.data = data;
        this.layout = layout;
    }

    // ------------------------------------------------------------------ creation

    public static NDArray zeros(int... shape) { return new NDArray(new float[Layout.rowMajor(shape).size()], Layout.rowMajor(shape)); }

    public static NDArray ones(int... shape) { return full(1f, shape); }

    public static NDArray full(float value, int... shape) {
        NDArray a = zeros(shape);
        Arrays.fill(a.data, value);
        return a;
    }

    /** 0, 1, …, n−1 as floats, like np.arange(n). */
    public static NDArray arange(int n) { return arange(0, n, 1); }

    /** start, start+step, … up to but not including stop. */
    public static NDArray arange(float start, float stop, float step) {
        int n = (int) Math.max(0, Math.ceil((stop - start) / step));
        float[] d = new float[n];
        for (int i = 0; i < n; i++) d[i] = start + i * step;
        return of(d);
    }

    /** Uniform numbers in [0, 1), like np.random.random(shape), from this seed. */
    public static NDArray random(long seed, int... shape) { return random(new Random(seed), shape); }

    public static NDArray random(Random rng, int... shape) { return Creation.random(rng, shape); }

    /** Standard normal numbers (mean 0, standard deviation 1), like np.random.standard_normal(shape). */
    public static NDArray normal(long seed, int... shape) { return normal(new Random(seed), 0, 1, shape); }

    public static NDArray normal(Random rng, double mean, double std, int... shape) { return Creation.normal(rng, mean, std, shape); }

    /** Whole numbers in [0, high), like np.random.randint(high, size=shape). */
    public static NDArray randint(long seed, int high, int... shape) { return Creation.randint(seed, high, shape); }

    /** A 1-D array of these numbers (copied). */
    public static NDArray of(float... values) { return new NDArray(values.clone(), Layout.rowMajor(values.length)); }

    /** These numbers, row-major, seen with this shape: {@code fromArray(new float[] {1, 2, 3, 4}, 2, 2)}. */
    public static NDArray fromArray(float[] values, int... shape) {
        Layout l = Layout.rowMajor(shape);
        if (l.size() != values.length) {
            throw new ShapeException(Problem.at("NDArray.fromArray")
                    .headline("cannot reshape array of size " + values.length + " into shape " + Layout.shapeText(shape))
                    .expected(l.size() + " numbers for shape " + Layout.shapeText(shape)).got(values.length + " numbers")
                    .fix("pass a shape whose sizes multiply to " + values.length));
        }
        return new NDArray(values.clone(), l);
    }

    /** An array over this float[] itself, not copied: later writes to either show in both. */
    public static NDArray wrap(float[] values, int... shape) {
        Layout l = Layout.rowMajor(shape);
        if (l.size() != values.length) return fromArray(values, shape);
        return new NDArray(values, l);
    }

    public static NDArray of(float[][] rows) { return Creation.rows(rows); }

    public static NDArray of(double[][] rows) { return Creation.rows(rows); }

    /** Whole numbers, such as class labels, as a 1-D float array. */
    public static NDArray of(int... values) {
        float[] d = new float[values.length];
        for (int i = 0; i < d.length; i++) d[i] = values[i];
        return new NDArray(d, Layout.rowMajor(d.length));
    }

    /** One-hot rows from class labels: label 3 of 10 becomes [0,0,0,1,0,0,0,0,0,0]; shape (n, numClasses). */
    public static NDArray toCategorical(NDArray labels, int numClasses) { return Creation.toCategorical(labels, numClasses); }

    // ------------------------------------------------------------------ shape and elements

    /** The sizes of all axes, batch axis included: (100, 100, 100, 3). */
    public Shape shape() { return Shape.of(layout.shape); }

    public int[] dims() { return layout.shape.clone(); }

    /** Size of axis i; a negative i counts from the end. */
    public int dim(int i) { return layout.shape[i < 0 ? i + layout.rank() : i]; }

    public int rank() { return layout.rank(); }

    public int size() { return layout.size(); }

    public float get(int... index) { return data[layout.position(index)]; }

    public void set(float value, int... index) { data[layout.position(index)] = value; }

    /** The only element of a one-element array, as a number. */
    public float item() {
        if (size() != 1) {
            throw new ShapeException(Problem.at("NDArray.item")
                    .headline("can only convert an array of size 1 to a Python scalar")
                    .expected("an array with one element").got("shape " + shape()).fix("reduce it first, e.g. sum() or mean()"));
        }
        return data[layout.offset];
    }

    /**
     * The numbers in row-major order. For a compact array with offset 0 this is the backing array
     * itself (so kernels can work in place); otherwise a compact copy.
     */
    public float[] data() {
        if (layout.isCompact() && layout.offset == 0 && data.length == layout.size()) return data;
        return toFloatArray();
    }

    /** The backing array of an array a kernel writes into: it must be compact and start at 0. */
    float[] target(String op) {
        if (layout.isCompact() && layout.offset == 0 && data.length == layout.size()) return data;
        throw new ShapeException(Problem.at("NDArray." + op).headline(op + ": cannot write into a view")
                .expected("an output array that owns all its numbers").got("a view of shape " + shape())
                .fix("pass an array made with NDArray.zeros, or a reshape of one"));
    }

    /** A compact copy of the numbers, never shared. */
    public float[] toFloatArray() {
        NDArray c = contiguous();
        return Arrays.copyOfRange(c.data, c.layout.offset, c.layout.offset + size());
    }

    // ------------------------------------------------------------------ views

    /** The same numbers with another shape; one size may be −1 (worked out). A view when possible. */
    public NDArray reshape(int... shape) {
        int[] s = shape.clone();
        int known = 1, free = -1;
        for (int i = 0; i < s.length; i++) {
            if (s[i] == -1 && free < 0) free = i; else known *= s[i];
        }
        if (free >= 0 && known != 0 && size() % known == 0) s[free] = size() / known;
        if (Layout.rowMajor(s).size() != size() || (free >= 0 && s[free] < 0)) {
            throw new ShapeException(Problem.at("NDArray.reshape")
                    .headline("cannot reshape array of size " + size() + " into shape " + Layout.shapeText(shape))
                    .expected("a shape with " + size() + " elements, like " + shape()).got(Layout.shapeText(shape))
                    .why("reshape only regroups the numbers; it cannot add or drop any")
                    .fix("choose sizes that multiply to " + size() + ", or use −1 for one axis to have it worked out"));
        }
        NDArray c = layout.isCompact() ? this : copy();
        return new NDArray(c.data, c.layout.reshape(s));
    }

    /** Reverses the axes: a (m, n) matrix becomes (n, m). A view. */
    public NDArray transpose() {
        int[] axes = new int[rank()];
        for (int i = 0; i < axes.length; i++) axes[i] = axes.length - 1 - i;
        return permute(axes);
    }

    /** Reorders the axes: permute(0, 3, 1, 2) turns (N, H, W, C) into (N, C, H, W). A view. */
    public NDArray permute(int... axes) { return new NDArray(data, layout.permute(axes)); }

    /** Samples from..to−1 along the batch axis (axis 0), as x[from:to]. A view. */
    public NDArray slice(int from, int to) { return slice(0, from, to); }

    public NDArray slice(int axis, int from, int to) {
        return new NDArray(data, layout.slice(Reductions.checkAxis(this, axis), from, to));
    }

    /** This array repeated along new or size-1 axes to {@code shape}, as np.broadcast_to. A view. */
    public NDArray broadcastTo(int... shape) {
        if (!Arrays.equals(Layout.broadcast("broadcastTo", layout.shape, shape), shape)) {
            throw new ShapeException(Problem.at("NDArray.broadcastTo").headline("operands could not be broadcast together with remapped shapes " + shape() + " and requested shape " + Layout.shapeText(shape))
                    .expected("a shape with at least " + rank() + " axes that " + shape() + " broadcasts to")
                    .got(Layout.shapeText(shape)).fix("add the missing axes to the target shape"));
        }
        return new NDArray(data, layout.broadcastTo(shape));
    }

    /** The samples at these positions of the batch axis, copied, as x[indices]. */
    public NDArray take(int[] indices) {
        int[] s = layout.shape.clone();
        s[0] = indices.length;
        NDArray out = zeros(s);
        int row = out.size() / Math.max(indices.length, 1);
        for (int i = 0; i < indices.length; i++) {
            NDArray one = slice(indices[i], indices[i] + 1).contiguous();
            System.arraycopy(one.data, one.layout.offset, out.data, i * row, row);
        }
        return out;
    }

    /** This array if its numbers are compact, else a compact copy. */
    public NDArray contiguous() { return layout.isCompact() ? this : copy(); }

    public NDArray copy() { return Elementwise.copy(this); }

    // ------------------------------------------------------------------ arithmetic (broadcasting)

    public NDArray add(NDArray o) { return Elementwise.add(this, o); }
    public NDArray sub(NDArray o) { return Elementwise.sub(this, o); }
    public NDArray mul(NDArray o) { return Elementwise.mul(this, o); }
    public NDArray div(NDArray o) { return Elementwise.zip("div", this, o, (a, b) -> a / b); }
    public NDArray maximum(NDArray o) { return Elementwise.zip("maximum", this, o, Math::max); }
    public NDArray add(float s) { return map(v -> v + s); }
    public NDArray sub(float s) { return map(v -> v - s); }
    public NDArray mul(float s) { return map(v -> v * s); }
    public NDArray div(float s) { return map(v -> v / s); }
    public NDArray neg() { return map(v -> -v); }
    public NDArray exp() { return map(v -> (float) Math.exp(v)); }
    public NDArray log() { return map(v -> (float) Math.log(v)); }
    public NDArray sqrt() { return map(v -> (float) Math.sqrt(v)); }
    public NDArray abs() { return map(Math::abs); }
    public NDArray square() { return map(v -> v * v); }
    public NDArray clip(float lo, float hi) { return map(v -> Math.min(hi, Math.max(lo, v))); }

    public NDArray map(FloatUnaryOperator f) { return Elementwise.map(this, f); }

    /** f applied pairwise, with broadcasting. */
    public NDArray zip(NDArray o, FloatBinaryOperator f) { return Elementwise.zip("zip", this, o, f); }

    /** this += scale·o, in place (o broadcast to this shape). */
    public NDArray addInPlace(NDArray o, float scale) {
        Elementwise.addInto(this, o, scale);
        return this;
    }

    public NDArray matmul(NDArray o) { return MatMul.matmul(this, o); }

    /**
     * out = this·o + beta·out, computed where out lies, allocating nothing: beta 0 overwrites out, beta 1
     * adds to it. Either operand may be a transposed view ({@code x.transpose().matmulInto(dz, dW, 0f)}
     * is dW = xᵀ·dz), and out may be a slice of a larger array. Returns out.
     */
    public NDArray matmulInto(NDArray o, NDArray out, float beta) {
        MatMul.into(this, o, out, beta);
        return out;
    }

    /** out = Σ of this array's rows + beta·out, this seen as (rows, out's size): a bias gradient, Σ_rows dz. Returns out. */
    public NDArray sumRowsInto(NDArray out, float beta) {
        Reductions.sumRowsInto(this, out, beta);
        return out;
    }

    /** max(x, 0) for every element. */
    public NDArray relu() { return Elementwise.relu(this); }

    /** relu's backward at its input z = this: gradOut where z > 0, else 0. */
    public NDArray reluBackward(NDArray gradOut) { return Elementwise.reluBackward(this, gradOut); }

    // ------------------------------------------------------------------ reductions

    public double sum() { return Reductions.sumAll(this); }
    public double mean() { return sum() / size(); }
    public NDArray sum(int axis) { return sum(axis, false); }
    public NDArray sum(int axis, boolean keepDims) { return Reductions.along(this, axis, Reductions.Kind.SUM, keepDims); }
    public NDArray mean(int axis) { return mean(axis, false); }
    public NDArray mean(int axis, boolean keepDims) { return Reductions.along(this, axis, Reductions.Kind.MEAN, keepDims); }
    public NDArray max(int axis) { return max(axis, false); }
    public NDArray max(int axis, boolean keepDims) { return Reductions.along(this, axis, Reductions.Kind.MAX, keepDims); }
    public NDArray min(int axis) { return Reductions.along(this, axis, Reductions.Kind.MIN, false); }
    /** Index of the largest element along the axis (the first on a tie), as floats. */
    public NDArray argmax(int axis) { return Reductions.along(this, axis, Reductions.Kind.ARGMAX, false); }

    public float max() { return reshape(-1).max(0).item(); }
    public float min() { return reshape(-1).min(0).item(); }

    /** Largest |a − b| over all elements (broadcasting), to compare results with a tolerance. */
    public double maxAbsDiff(NDArray o) { return sub(o).abs().max(); }

    /** NumPy-like printing with the shape at the end: array([[1., 2.], [3., 4.]], shape=(2, 2)). */
    @Override
    public String toString() { return Printer.print(this); }
}
