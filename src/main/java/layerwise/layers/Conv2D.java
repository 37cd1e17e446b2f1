package layerwise.layers;

import layerwise.ndarray.NDArray;

/**
 * A 2-D convolution: F filters slide a K_h×K_w window over rows and columns.
 * O = (W − K + 2P)/S + 1 per axis ('valid'), ⌈W/S⌉ ('same'); params = K_h×K_w×C_in×F + F.
 * Input shape: (rows, cols, C_in). Output shape: (rows_out, cols_out, F).
 */
public final class Conv2D extends FilterConvolution<Conv2D> {
    private final PatchConvolution numbers = new PatchConvolution();

    /** {@code new Conv2D(16, 3)}: 16 filters of 3×3; {@code new Conv2D(16, 3).kernelSize(3, 5)} for 3×5. */
    public Conv2D(int filters, int kernelSize) { this(filters, kernelSize, 1); }

    /** {@code new Conv2D(64, 3, 2)}: as Keras's Conv2D(64, 3, 2), a 3×3 kernel with strides 2. */
    public Conv2D(int filters, int kernelSize, int strides) { super(2, filters, kernelSize, strides); }

    @Override
    protected NDArray forwardLast(NDArray x) {
        return numbers.forward(x, DataFormat.geometry(x, kernel, strides, dilation, padding), kernelWeights.value(), useBias ? bias.value() : null);
    }

    @Override
    protected NDArray backwardLast(NDArray gradZ) { return numbers.backward(gradZ, kernelWeights, bias, inputGradientNeeded()); }
}
