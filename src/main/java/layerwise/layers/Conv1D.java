package layerwise.layers;

import java.util.List;

import layerwise.ndarray.NDArray;

/**
 * A 1-D convolution: F filters slide a K-step window along the time (steps) axis of a sequence.
 * O = ⌊(W − K)/S⌋ + 1 ('valid'), ⌈W/S⌉ ('same', 'causal'); params = K×C_in×F + F.
 * Input shape: (steps, C_in). Output shape: (steps_out, F).
 */
public final class Conv1D extends FilterConvolution<Conv1D> {
    private final PatchConvolution numbers = new PatchConvolution();

    /** {@code new Conv1D(64, 3)}: 64 filters, each 3 steps long. */
    public Conv1D(int filters, int kernelSize) { this(filters, kernelSize, 1); }

    /** {@code new Conv1D(64, 3, 2)}: as Keras's Conv1D(64, 3, 2), the window moves 2 steps at a time. */
    public Conv1D(int filters, int kernelSize, int strides) { super(1, filters, kernelSize, strides); }

    /** Conv1D alone also knows 'causal': pad only the past, for sequences where the future is unknown. */
    @Override
    protected List<String> paddings() { return Window.PADDINGS_1D; }

    @Override
    protected NDArray forwardLast(NDArray x) {
        return numbers.forward(x, DataFormat.geometry(x, kernel, strides, dilation, padding), kernelWeights.value(), useBias ? bias.value() : null);
    }

    @Override
    protected NDArray backwardLast(NDArray gradZ) { return numbers.backward(gradZ, kernelWeights, bias, inputGradientNeeded()); }
}
