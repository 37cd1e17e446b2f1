package layerwise.layers;

/**
 * Cuts positions off the edges of each volume along depth, rows and columns.
 * O = W − C_start − C_end on each of the three axes; no parameters.
 * Input shape: (depth, rows, cols, channels). Output shape: each of the three axes shortened, channels unchanged.
 */
public final class Cropping3D extends Cropping<Cropping3D> {
    /** One position off each side, Keras's default cropping=((1, 1), (1, 1), (1, 1)). */
    public Cropping3D() { this(1); }

    public Cropping3D(int c) { this(c, c, c); }

    /** Keras's cropping=(depth, rows, cols), each cut at both ends. */
    public Cropping3D(int depth, int rows, int cols) { super(symmetric(depth, rows, cols)); }

    /** Keras's cropping=((d1, d2), (top, bottom), (left, right)). */
    public Cropping3D(int[] depth, int[] rows, int[] cols) { super(new int[][] {depth.clone(), rows.clone(), cols.clone()}); }
}
