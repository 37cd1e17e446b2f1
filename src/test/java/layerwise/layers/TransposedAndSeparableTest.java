package layerwise.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import layerwise.explain.Derivation;
import layerwise.ndarray.Shape;

/** Conv2DTranspose (tf.keras deconv_output_length), DepthwiseConv2D and SeparableConv2D, worked out by hand. */
class TransposedAndSeparableTest {

    private static Derivation derive(Layer layer, long... in) { return layer.derivation(Shape.of(in)); }

    @Test
    void transposedValidGrowsByTheStrideAndTheOverhang() {
        // 7·2 + max(3 − 2, 0) = 15; params 3·3·16·8 + 16 = 1168
        Derivation d = derive(new Conv2DTranspose(16, 3).strides(2), 7, 7, 8);
        assertEquals(Shape.of(15, 15, 16), d.output());
        assertEquals(1168, d.params());
    }

    @Test
    void transposedSameIsExactlyStrideTimesTheInput() {
        // 7·2 = 14
        assertEquals(Shape.of(14, 14, 16), derive(new Conv2DTranspose(16, 3).strides(2).padding("same"), 7, 7, 8).output());
    }

    @Test
    void transposedStrideOneUndoesAValidConvolution() {
        // 5·1 + max(3 − 1, 0) = 7, the size a valid 3×3 conv shrinks back to 5
        assertEquals(Shape.of(7, 7, 1), derive(new Conv2DTranspose(1, 3), 5, 5, 1).output());
    }

    @Test
    void transposedOutputPaddingUsesTheExplicitRule() {
        // same: P = ⌊3/2⌋ = 1: (7 − 1)·2 + 3 − 2·1 + 1 = 14; valid: P = 0: (7 − 1)·2 + 3 − 0 + 1 = 16
        assertEquals(Shape.of(14, 14, 4), derive(new Conv2DTranspose(4, 3).strides(2).padding("same").outputPadding(1), 7, 7, 8).output());
        assertEquals(Shape.of(16, 16, 4), derive(new Conv2DTranspose(4, 3).strides(2).outputPadding(1), 7, 7, 8).output());
    }

    @Test
    void depthwiseMultipliesTheChannelsWithoutMixingThem() {
        // C_out = 16·2 = 32; params 3·3·16·2 + 16·2 = 288 + 32 = 320
        Derivation d = derive(new DepthwiseConv2D(3).depthMultiplier(2), 28, 28, 16);
        assertEquals(Shape.of(26, 26, 32), d.output());
        assertEquals(320, d.params());
    }

    @Test
    void depthwiseStrideTwoSame() {
        // ⌈9/2⌉ = 5; C_out = 3·1 = 3; params 3·3·3 + 3 = 30
        Derivation d = derive(new DepthwiseConv2D(3).strides(2).padding("same"), 9, 9, 3);
        assertEquals(Shape.of(5, 5, 3), d.output());
        assertEquals(30, d.params());
    }

    @Test
    void separableCountsDepthwiseAndPointwiseWeights() {
        // 3·3·16·1 + 16·1·32 + 32 = 144 + 512 + 32 = 688 (a Conv2D would need 3·3·16·32 + 32 = 4640)
        Derivation d = derive(new SeparableConv2D(32, 3), 28, 28, 16);
        assertEquals(Shape.of(26, 26, 32), d.output());
        assertEquals(688, d.params());
    }

    @Test
    void separableWithDepthMultiplierTwo() {
        // 3·3·16·2 + 16·2·32 + 32 = 288 + 1024 + 32 = 1344
        assertEquals(1344, derive(new SeparableConv2D(32, 3).depthMultiplier(2), 28, 28, 16).params());
    }
}
