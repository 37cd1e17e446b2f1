package layerwise.layers;

import java.util.List;
import java.util.Random;

import layerwise.ndarray.NDArray;
import layerwise.ndarray.Shape;
import layerwise.ndarray.Volumes;
import layerwise.ndarray.WindowAxis;

/**
 * A 3-D convolution: F filters slide a K_d×K_h×K_w window over depth, rows and columns (video, scans).
 * O = ⌊(W − K)/S⌋ + 1 per axis ('valid'), ⌈W/S⌉ ('same'); params = K_d×K_h×K_w×C_in×F + F.
 * Input shape: (depth, rows, cols, C_in). Output shape: (depth_out, rows_out, cols_out, F).
 */
public final class Conv3D extends Convolution<Conv3D> {
    private Param weights, biases;
    private Volumes.Geometry saved;
    private NDArray savedCols;

    /** {@code new Conv3D(8, 3)} is a 3×3×3 kernel; {@code new Conv3D(8, 1, 3, 3)} a 1×3×3 one. */
    public Conv3D(int filters, int... kernelSize) {
        super(3, filters, kernelSize);
    }

    /** Kernel (K_d, K_h, K_w, C_in, F) as in Keras; fan_in = K·C_in, fan_out = K·F. */
    @Override
    public void initialize(Shape in, Random rng) {
        int cIn = (int) in.dim(dataFormat.equals("channels_last") ? 3 : 0), window = kernel[0] * kernel[1] * kernel[2];
        weights = Param.of("kernel", Initializers.create(kernelInitializer, rng, window * cIn, window * filters,
                kernel[0], kernel[1], kernel[2], cIn, filters));
        biases = useBias ? Param.of("bias", Initializers.create(biasInitializer, rng, window * cIn, window * filters, filters)) : null;
    }

    @Override public boolean isInitialized() { return weights != null; }

    @Override public List<Param> params() { return Param.present(weights, biases); }

    /** 1. every 3-D window into a row (im2col); 2. rows · kernel, one matrix product, + bias; 3. activation. */
    @Override
    public NDArray forward(NDArray x, boolean training) {
        if (weights == null) initialize(sampleShape(x), new Random(0));
        NDArray xl = dataFormat.equals("channels_last") ? x.contiguous() : DataFormat.toChannelsLast(x);
        saved = new Volumes.Geometry(xl.dim(0), xl.dim(4), axis(xl, 0), axis(xl, 1), axis(xl, 2));
        savedCols = Volumes.im2col(xl, saved);
        NDArray z = savedCols.matmul(weights.value().reshape(-1, filters));
        if (biases != null) z = z.add(biases.value());
        return activate(z.reshape(saved.outDims(filters)));
    }

    private WindowAxis axis(NDArray xl, int i) {
        return Window.axis(xl.dim(i + 1), kernel[i], strides[i], dilation[i], padding);
    }

    /**
     * dW = colsᵀ·dz, db = Σ dz, dcols = dz·Wᵀ, then col2im adds each window's share back onto its voxels.
     * dW is written straight into the gradient (Gemm reads cols transposed where they lie), so a step
     * makes no kernel-sized array.
     */
    @Override
    protected NDArray backwardLast(NDArray gradZ) {
        NDArray g = gradZ.reshape(-1, filters), w = weights.value().reshape(-1, filters);
        savedCols.transpose().matmulInto(g, weights.grad().reshape(-1, filters), 0f);
        if (biases != null) g.sumRowsInto(biases.grad(), 0f);
        NDArray dx = Volumes.col2im(g.matmul(w.transpose()), saved);
        return dataFormat.equals("channels_last") ? dx : DataFormat.toChannelsFirst(dx);
    }
}
