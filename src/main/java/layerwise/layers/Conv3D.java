package layerwise.layers;

/**
 * A 3-D convolution: F filters slide a K_d×K_h×K_w window over depth, rows and columns (video, scans).
 * O = ⌊(W − K)/S⌋ + 1 per axis ('valid'), ⌈W/S⌉ ('same'); params = K_d×K_h×K_w×C_in×F + F.
 * Input shape: (depth, rows, cols, C_in). Output shape: (depth_out, rows_out, cols_out, F).
 */
public final class Conv3D extends Convolution<Conv3D> {
    /** {@code new Conv3D(8, 3)} is a 3×3×3 kernel; {@code new Conv3D(8, 1, 3, 3)} a 1×3×3 one. */
    public Conv3D(int filters, int... kernelSize) {
        super(3, filters, kernelSize);
    }
}
