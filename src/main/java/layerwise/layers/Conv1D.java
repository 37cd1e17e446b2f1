package layerwise.layers;

import java.util.List;

/**
 * A 1-D convolution: F filters slide a K-step window along the time (steps) axis of a sequence.
 * O = ⌊(W − K)/S⌋ + 1 ('valid'), ⌈W/S⌉ ('same', 'causal'); params = K×C_in×F + F.
 * Input shape: (steps, C_in). Output shape: (steps_out, F).
 */
public final class Conv1D extends Convolution<Conv1D> {
    /** {@code new Conv1D(64, 3)}: 64 filters, each 3 steps long. */
    public Conv1D(int filters, int kernelSize) {
        super(1, filters, kernelSize);
    }

    /** Conv1D alone also knows 'causal': pad only the past, for sequences where the future is unknown. */
    @Override
    protected List<String> paddings() { return Window.PADDINGS_1D; }
}
