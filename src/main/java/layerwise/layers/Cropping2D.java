package layerwise.layers;

/**
 * Cuts rows and columns off the edges of each feature map, e.g. to match a skip connection's size.
 * O_rows = H − C_top − C_bottom, O_cols = W − C_left − C_right; no parameters.
 * Input shape: (rows, cols, channels). Output shape: (rows − C_top − C_bottom, cols − C_left − C_right, channels).
 */
public final class Cropping2D extends Cropping<Cropping2D> {
    /** Nothing cut, Keras's default cropping=((0, 0), (0, 0)). */
    public Cropping2D() { this(0); }

    /** {@code c} positions off every side. */
    public Cropping2D(int c) { this(c, c); }

    /** {@code rows} off the top and the bottom, {@code cols} off the left and the right: Keras's cropping=(rows, cols). */
    public Cropping2D(int rows, int cols) { super(symmetric(rows, cols)); }

    /** Keras's cropping=((top, bottom), (left, right)). */
    public Cropping2D(int[] topBottom, int[] leftRight) { super(new int[][] {topBottom.clone(), leftRight.clone()}); }
}
