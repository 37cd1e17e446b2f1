package layerwise.ndarray;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;

/**
 * The sizes of an array's axes, without the batch axis, as Keras's {@code input_shape}: (148, 148, 16).
 * A size not known until data arrives is {@link #NONE} and prints as {@code None}.
 */
public final class Shape {
    /** An axis whose size is only known when data arrives (Keras prints it as None). */
    public static final long NONE = -1;

    private final long[] dims;

    private Shape(long[] dims) {
        this.dims = dims;
    }

    public static Shape of(long... dims) {
        for (long d : dims) {
            if (d < NONE) throw new IllegalArgumentException("axis sizes are positive or Shape.NONE, got " + Arrays.toString(dims));
        }
        return new Shape(dims.clone());
    }

    public static Shape of(int... dims) {
        return of(Arrays.stream(dims).asLongStream().toArray());
    }

    public int rank() { return dims.length; }

    /** Size of axis {@code i}; a negative i counts from the end, as in Python: dim(-1) is the last axis. */
    public long dim(int i) { return dims[i < 0 ? dims.length + i : i]; }

    public long last() { return dim(-1); }

    public boolean isKnown(int i) { return dim(i) != NONE; }

    public boolean isFullyKnown() { return Arrays.stream(dims).noneMatch(d -> d == NONE); }

    public long[] dims() { return dims.clone(); }

    /** Number of elements, or NONE when an axis is unknown. Throws ArithmeticException past Long.MAX_VALUE. */
    public long size() {
        long n = 1;
        for (long d : dims) {
            if (d == NONE) return NONE;
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    public Shape withDim(int i, long size) {
        long[] copy = dims.clone();
        copy[i < 0 ? dims.length + i : i] = size;
        return new Shape(copy);
    }

    public Shape dropLast() { return new Shape(Arrays.copyOf(dims, dims.length - 1)); }

    public Shape append(long size) {
        long[] copy = Arrays.copyOf(dims, dims.length + 1);
        copy[dims.length] = size;
        return new Shape(copy);
    }

    /** The same shape with the batch axis in front: Keras's (None, 148, 148, 16). */
    public String withBatch() {
        StringJoiner j = new StringJoiner(", ", "(", ")");
        j.add("None");
        for (long d : dims) j.add(format(d));
        return j.toString();
    }

    /** The same shape with the batch axis in front as Keras writes it in JSON, unknown sizes null: [null, 148, 148, 16]. */
    public List<Long> withBatchList() {
        List<Long> out = new ArrayList<>();
        out.add(null);
        for (long d : dims) out.add(d == NONE ? null : d);
        return out;
    }

    /** Python tuple form: (148, 148, 16), and (784,) for one axis. */
    @Override
    public String toString() {
        if (dims.length == 1) return "(" + format(dims[0]) + ",)";
        StringJoiner j = new StringJoiner(", ", "(", ")");
        for (long d : dims) j.add(format(d));
        return j.toString();
    }

    private static String format(long d) { return d == NONE ? "None" : Long.toString(d); }

    @Override
    public boolean equals(Object o) { return o instanceof Shape s && Arrays.equals(dims, s.dims); }

    @Override
    public int hashCode() { return Arrays.hashCode(dims); }
}
