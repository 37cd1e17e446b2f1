package layerwise.layers;

import layerwise.ndarray.NDArray;
import layerwise.ndarray.Volumes;
import layerwise.ndarray.WindowAxis;

/**
 * A 3-D convolution: F filters slide a K_d×K_h×K_w window over depth, rows and columns (video, scans).
 * O = ⌊(W − K)/S⌋ + 1 per axis ('valid'), ⌈W/S⌉ ('same'); params = K_d×K_h×K_w×C_in×F + F.
 * Input shape: (depth, rows, cols, C_in). Output shape: (depth_out, rows_out, cols_out, F).
 */
public final class Conv3D extends FilterConvolution<Conv3D> {
    private Volumes.Geometry saved;
    private NDArray savedCols;

    /** {@code new Conv3D(8, 3)}: 8 filters of 3×3×3; {@code new Conv3D(8, 3).kernelSize(1, 3, 3)} for 1×3×3. */
    public Conv3D(int filters, int kernelSize) { this(filters, kernelSize, 1); }

    /** {@code new Conv3D(8, 3, 2)}: as Keras's Conv3D(8, 3, 2), a 3×3×3 kernel with strides 2. */
    public Conv3D(int filters, int kernelSize, int strides) { super(3, filters, kernelSize, strides); }

    /** 1. every 3-D window into a row (im2col); 2. z = rows·kernel + bias, one matrix product. */
    @Override
    protected NDArray forwardLast(NDArray x) {
        saved = new Volumes.Geometry(x.dim(0), x.dim(4), axis(x, 0), axis(x, 1), axis(x, 2));
        savedCols = Volumes.im2col(x, saved);
        NDArray z = savedCols.matmul(kernelWeights.value().reshape(-1, filters));
        if (bias != null) z = z.add(bias.value());
        return z.reshape(saved.outDims(filters));
    }

    private WindowAxis axis(NDArray x, int i) {
        return Window.axis(x.dim(i + 1), kernel[i], strides[i], dilation[i], padding);
    }

    /** dW = colsᵀ·dz, db = Σ dz, dcols = dz·Wᵀ, then col2im adds each window's share back onto its voxels. */
    @Override
    protected NDArray backwardLast(NDArray gradZ) {
        NDArray dz = gradZ.reshape(-1, filters), w = kernelWeights.value().reshape(-1, filters);
        savedCols.transpose().matmulInto(dz, kernelWeights.grad().reshape(-1, filters), 0f);
        if (bias != null) dz.sumRowsInto(bias.grad(), 0f);
        return inputGradientNeeded() ? Volumes.col2im(dz.matmul(w.transpose()), saved) : null;
    }
}
