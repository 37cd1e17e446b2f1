package layerwise.layers;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import layerwise.Golden;
import layerwise.ndarray.Shape;

/** The worked explanations of representative layers, as a student reads them (golden files, reviewed). */
class LayerExplanationsTest {

    @BeforeEach
    void freshNames() { Names.reset(); }

    private static String explain(Layer layer, long... in) { return layer.explain(Shape.of(in)).toText(); }

    @Test
    void sameStridedConvolutionShowsTheCeilingAndThePadding() {
        Golden.assertMatches(getClass(), "conv2d_same_stride2", explain(new Conv2D(8, 3).strides(2).padding("same"), 7, 7, 3));
    }

    @Test
    void validStridedConvolutionShowsTheFloor() {
        Golden.assertMatches(getClass(), "conv2d_valid_stride2", explain(new Conv2D(8, 3).strides(2), 7, 7, 3));
    }

    @Test
    void lstmExplainsItsFourGates() {
        Golden.assertMatches(getClass(), "lstm", explain(new LSTM(64), 10, 32));
    }

    @Test
    void gruExplainsTheSecondBias() {
        Golden.assertMatches(getClass(), "gru_return_sequences", explain(new GRU(64).returnSequences(true), 10, 32));
    }

    @Test
    void batchNormalizationExplainsItsNonTrainableHalf() {
        Golden.assertMatches(getClass(), "batch_normalization", explain(new BatchNormalization(), 28, 28, 64));
    }

    @Test
    void transposedConvolutionShowsHowTheOutputGrows() {
        Golden.assertMatches(getClass(), "conv2d_transpose", explain(new Conv2DTranspose(16, 3).strides(2), 7, 7, 8));
    }

    @Test
    void separableConvolutionSplitsItsWeights() {
        Golden.assertMatches(getClass(), "separable_conv2d", explain(new SeparableConv2D(32, 3), 28, 28, 16));
    }

    @Test
    void causalDilatedConv1DShowsTheLeftPadding() {
        Golden.assertMatches(getClass(), "conv1d_causal_dilated", explain(new Conv1D(16, 3).padding("causal").dilationRate(2), 10, 4));
    }

    @Test
    void reshapeShowsWhereMinusOneComesFrom() {
        Golden.assertMatches(getClass(), "reshape_minus_one", explain(new Reshape(-1, 4), 6, 6));
    }

    @Test
    void concatenateShowsTheSum() {
        Golden.assertMatches(getClass(), "concatenate",
                new Concatenate().derivation(List.of(Shape.of(4, 4, 3), Shape.of(4, 4, 5))).explanation().toText());
    }
}
