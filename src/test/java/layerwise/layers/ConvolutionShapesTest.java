package layerwise.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import layerwise.explain.Derivation;
import layerwise.ndarray.Shape;

/** Conv1D, Conv2D and Conv3D shapes and params, each worked out by hand from tf.keras's conv_output_length. */
class ConvolutionShapesTest {

    private static Derivation derive(Layer layer, long... in) { return layer.derivation(Shape.of(in)); }

    @Test
    void sameStrideTwoOnAnOddSizeRoundsUp() {
        // 'same': ⌈7/2⌉ = 4 per axis; params 3·3·3·8 + 8 = 224
        Derivation d = derive(new Conv2D(8, 3).strides(2).padding("same"), 7, 7, 3);
        assertEquals(Shape.of(4, 4, 8), d.output());
        assertEquals(224, d.params());
    }

    @Test
    void validStrideTwoOnAnOddSizeRoundsDown() {
        // 'valid': ⌊(7 − 3)/2⌋ + 1 = 3
        assertEquals(Shape.of(3, 3, 8), derive(new Conv2D(8, 3).strides(2), 7, 7, 3).output());
    }

    @Test
    void validStrideTwoOnAnEvenSizeDropsTheWindowThatRunsPastTheEdge() {
        // ⌊(8 − 3)/2⌋ + 1 = 2 + 1 = 3; 'same' would give ⌈8/2⌉ = 4
        assertEquals(Shape.of(3, 3, 1), derive(new Conv2D(1, 3).strides(2), 8, 8, 1).output());
        assertEquals(Shape.of(4, 4, 1), derive(new Conv2D(1, 3).strides(2).padding("same"), 8, 8, 1).output());
    }

    @Test
    void stridesPerAxisShrinkEachAxisOnItsOwn() {
        // rows ⌊(7 − 3)/2⌋ + 1 = 3, cols (7 − 3)/1 + 1 = 5
        assertEquals(Shape.of(3, 5, 1), derive(new Conv2D(1, 3).strides(2, 1), 7, 7, 1).output());
    }

    @Test
    void dilationWidensTheKernel() {
        // K_eff = 3 + (3 − 1)·(2 − 1) = 5; 10 − 5 + 1 = 6; params 3·3·1·4 + 4 = 40 (dilation adds no weights)
        Derivation d = derive(new Conv2D(4, 3).dilationRate(2), 10, 10, 1);
        assertEquals(Shape.of(6, 6, 4), d.output());
        assertEquals(40, d.params());
    }

    @Test
    void channelsFirstPutsTheFiltersBeforeRowsAndCols() {
        // input (C=3, 32, 32): (32 − 3)/1 + 1 = 30; params 3·3·3·16 + 16 = 448
        Derivation d = derive(new Conv2D(16, 3).dataFormat("channels_first"), 3, 32, 32);
        assertEquals(Shape.of(16, 30, 30), d.output());
        assertEquals(448, d.params());
    }

    @Test
    void withoutBiasOnlyTheKernelCounts() {
        // 3·3·3·8 = 216
        assertEquals(216, derive(new Conv2D(8, 3).useBias(false), 5, 5, 3).params());
    }

    @Test
    void causalConv1DKeepsTheLength() {
        // 'causal': ⌈10/1⌉ = 10, padded K − 1 = 2 on the left; params 3·4·16 + 16 = 208
        Derivation d = derive(new Conv1D(16, 3).padding("causal"), 10, 4);
        assertEquals(Shape.of(10, 16), d.output());
        assertEquals(208, d.params());
    }

    @Test
    void causalDilatedConv1DPadsTheDilatedKernelOnTheLeft() {
        // K_eff = 3 + 2·(4 − 1) = 9; left padding 9 − 1 = 8; output ⌈16/1⌉ = 16
        Derivation d = derive(new Conv1D(2, 3).padding("causal").dilationRate(4), 16, 1);
        assertEquals(Shape.of(16, 2), d.output());
        assertEquals(8, d.lines().stream().filter(l -> l.lhs().equals("P_left")).findFirst().orElseThrow().expr().value());
    }

    @Test
    void conv1DValidStrideTwo() {
        // ⌊(20 − 5)/2⌋ + 1 = 7 + 1 = 8; params 5·8·6 + 6 = 246
        Derivation d = derive(new Conv1D(6, 5).strides(2), 20, 8);
        assertEquals(Shape.of(8, 6), d.output());
        assertEquals(246, d.params());
    }

    @Test
    void conv1DSameStrideTwoOnAnOddLength() {
        // ⌈7/2⌉ = 4
        assertEquals(Shape.of(4, 4), derive(new Conv1D(4, 3).strides(2).padding("same"), 7, 2).output());
    }

    @Test
    void conv3DShrinksDepthRowsAndCols() {
        // (8 − 3) + 1 = 6, (9 − 3) + 1 = 7, (10 − 3) + 1 = 8; params 3·3·3·2·4 + 4 = 220
        Derivation d = derive(new Conv3D(4, 3), 8, 9, 10, 2);
        assertEquals(Shape.of(6, 7, 8, 4), d.output());
        assertEquals(220, d.params());
    }

    @Test
    void conv3DSameStrideTwo() {
        // ⌈5/2⌉ = 3 on each axis; params 3·3·3·1·2 + 2 = 56
        Derivation d = derive(new Conv3D(2, 3).strides(2).padding("same"), 5, 5, 5, 1);
        assertEquals(Shape.of(3, 3, 3, 2), d.output());
        assertEquals(56, d.params());
    }
}
