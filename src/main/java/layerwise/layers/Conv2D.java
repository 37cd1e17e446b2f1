package layerwise.layers;

/**
 * A 2-D convolution: F filters slide a K_h×K_w window over rows and columns.
 * O = (W − K + 2P)/S + 1 per axis ('valid'), ⌈W/S⌉ ('same'); params = K_h×K_w×C_in×F + F.
 * Input shape: (rows, cols, C_in). Output shape: (rows_out, cols_out, F).
 */
public final class Conv2D extends Convolution<Conv2D> {
    /** {@code new Conv2D(16, 3)} is a 3×3 kernel; {@code new Conv2D(16, 3, 5)} a 3×5 one. */
    public Conv2D(int filters, int... kernelSize) {
        super(2, filters, kernelSize);
    }
}
