package layerwise.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import layerwise.Golden;
import layerwise.error.ConfigException;
import layerwise.error.NnException;
import layerwise.error.ShapeException;
import layerwise.ndarray.Shape;

/** Every mistake a learner can make with these layers fails with an explained message. */
class LayerErrorsTest {

    @BeforeEach
    void freshNames() { Names.reset(); }

    private static NnException deriveFails(Layer layer, long... in) {
        return assertThrows(NnException.class, () -> layer.derivation(Shape.of(in)));
    }

    @Test
    void concatenateOfMismatchedRowsNamesBothShapesAndTheAxis() {
        var e = assertThrows(ShapeException.class,
                () -> new Concatenate().derivation(List.of(Shape.of(4, 4, 3), Shape.of(5, 4, 3))));
        Golden.assertMatches(getClass(), "concatenate_mismatch", e.getMessage());
    }

    @Test
    void addOfMismatchedChannelsNamesBothShapesAndTheAxis() {
        var e = assertThrows(ShapeException.class,
                () -> new Add().derivation(List.of(Shape.of(16, 16, 8), Shape.of(16, 16, 16))));
        Golden.assertMatches(getClass(), "add_mismatch", e.getMessage());
    }

    @Test
    void addOfDifferentRanksSaysSo() {
        var e = assertThrows(ShapeException.class, () -> new Add().derivation(List.of(Shape.of(4, 8), Shape.of(8))));
        assertTrue(e.got().contains("different ranks (3 and 2)"), e.got());
    }

    @Test
    void mergeOfOneInputAsksForTwo() {
        var e = assertThrows(ShapeException.class, () -> new Add().derivation(List.of(Shape.of(4))));
        assertEquals("A merge layer should be called on a list of at least 2 inputs. Got 1 inputs.", e.headline());
    }

    @Test
    void reshapeToADifferentSizeShowsBothCounts() {
        Golden.assertMatches(getClass(), "reshape_size_mismatch", deriveFails(new Reshape(5, 7), 6, 6).getMessage());
    }

    @Test
    void reshapeWithMinusOneThatCannotDivideShowsTheRemainder() {
        Golden.assertMatches(getClass(), "reshape_indivisible", deriveFails(new Reshape(-1, 5), 6, 6).getMessage());
    }

    @Test
    void reshapeWithTwoUnknownAxesIsRejected() {
        var e = assertThrows(ConfigException.class, () -> new Reshape(-1, -1));
        assertTrue(e.headline().startsWith("There must be at most one unknown dimension in output_shape."), e.headline());
    }

    @Test
    void kernelLargerThanTheSequenceShowsTheWorkedFormula() {
        var e = deriveFails(new Conv1D(8, 5), 3, 2);
        assertTrue(e.got().contains("(3 − 5 + 2·0)/1 + 1 = -1"), e.got());
    }

    @Test
    void kernelOneLargerThanTheInputIsReportedNotTakenForNone() {
        // (3 − 4 + 2·0)/1 + 1 = 0: the intermediate 3 − 4 = −1 must not be mistaken for an unknown size
        var e = deriveFails(new Conv2D(1, 4), 3, 3, 1);
        assertTrue(e.got().contains("= 0"), e.got());
    }

    @Test
    void pooling3DLargerThanItsInputFails() {
        var e = deriveFails(new MaxPooling3D(3), 2, 8, 8, 1);
        assertTrue(e.headline().startsWith("One of the dimensions in the output is <= 0"), e.headline());
    }

    @Test
    void rnnOnAFlatVectorAsksForTimesteps() {
        var e = deriveFails(new LSTM(8), 32);
        assertEquals("Input 0 of layer \"lstm\" is incompatible with the layer: expected ndim=3, found ndim=2. Full shape received: (None, 32)", e.headline());
        assertTrue(e.fix().contains("Reshape to (32, 1)"), e.fix());
    }

    @Test
    void conv3DOnImagesAsksForADepthAxis() {
        var e = deriveFails(new Conv3D(4, 3), 28, 28, 1);
        assertTrue(e.expected().contains("(depth, rows, cols, channels)"), e.expected());
    }

    @Test
    void nonPositiveSizesAreRejected() {
        assertThrows(ConfigException.class, () -> new LSTM(0));
        assertThrows(ConfigException.class, () -> new Conv1D(0, 3));
        assertThrows(ConfigException.class, () -> new DepthwiseConv2D(0));
        assertThrows(ConfigException.class, () -> new Embedding(0, 8));
        var e = assertThrows(ConfigException.class, () -> new Conv3D(4, 3).kernelSize(3, 0, 3));
        assertTrue(e.headline().contains("kernel_size"), e.headline());
    }

    @Test
    void misspelledCausalPaddingSuggestsTheRightName() {
        var e = assertThrows(ConfigException.class, () -> new Conv1D(4, 3).padding("casual"));
        assertEquals("did you mean 'causal'?", e.fix());
    }

    @Test
    void misspelledMergeModeSuggestsTheRightName() {
        var e = assertThrows(ConfigException.class, () -> new Bidirectional(new GRU(4)).mergeMode("avg"));
        assertEquals("did you mean 'ave'?", e.fix());
    }

    @Test
    void misspelledActivationSuggestsTheRightName() {
        var e = assertThrows(ConfigException.class, () -> new Activation("sofmax"));
        assertEquals("did you mean 'softmax'?", e.fix());
    }

    @Test
    void dropoutRateOfOneIsRejected() {
        var e = assertThrows(ConfigException.class, () -> new Dropout(1.0));
        assertTrue(e.why().contains("division by zero"), e.why());
    }

    @Test
    void outputPaddingMustBeSmallerThanTheStride() {
        var e = deriveFails(new Conv2DTranspose(4, 3).strides(2).outputPadding(2), 7, 7, 1);
        assertEquals("Strides (2, 2) must be greater than output padding (2, 2)", e.headline());
    }

    @Test
    void batchNormalizationOnTheBatchAxisIsExplained() {
        var e = deriveFails(new BatchNormalization().axis(0), 10);
        assertTrue(e.why().contains("axis 0 is the batch"), e.why());
    }

    @Test
    void embeddingInputLengthMustMatchTheData() {
        var e = deriveFails(new Embedding(100, 8).inputLength(10), 12);
        assertEquals("\"input_length\" is 10, but received input has shape (None, 12)", e.headline());
    }
}
