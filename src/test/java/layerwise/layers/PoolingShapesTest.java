package layerwise.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import layerwise.explain.Derivation;
import layerwise.ndarray.Shape;

/** Pooling and global pooling shapes, worked out by hand; pooling never has parameters. */
class PoolingShapesTest {

    private static Derivation derive(Layer layer, long... in) { return layer.derivation(Shape.of(in)); }

    @Test
    void poolThreeStrideTwoOverlapsWindows() {
        // ⌊(7 − 3)/2⌋ + 1 = 3; ⌊(8 − 3)/2⌋ + 1 = 3
        assertEquals(Shape.of(3, 3, 5), derive(new MaxPooling2D(3).strides(2), 7, 8, 5).output());
    }

    @Test
    void poolThreeStrideTwoSameRoundsUp() {
        // ⌈7/2⌉ = 4, ⌈8/2⌉ = 4
        assertEquals(Shape.of(4, 4, 5), derive(new MaxPooling2D(3).strides(2).padding("same"), 7, 8, 5).output());
    }

    @Test
    void defaultPoolOnAnOddSizeDropsTheLastRow() {
        // window 2, stride 2: ⌊(7 − 2)/2⌋ + 1 = 3
        Derivation d = derive(new AveragePooling2D(), 7, 7, 4);
        assertEquals(Shape.of(3, 3, 4), d.output());
        assertEquals(0, d.params());
    }

    @Test
    void pooling1DShortensTheSteps() {
        // ⌊(9 − 2)/2⌋ + 1 = 4
        assertEquals(Shape.of(4, 4), derive(new AveragePooling1D(), 9, 4).output());
        assertEquals(Shape.of(4, 4), derive(new MaxPooling1D(2), 9, 4).output());
    }

    @Test
    void pooling3DHalvesEachAxisRoundingDown() {
        // ⌊(4 − 2)/2⌋ + 1 = 2, ⌊(5 − 2)/2⌋ + 1 = 2, ⌊(6 − 2)/2⌋ + 1 = 3
        assertEquals(Shape.of(2, 2, 3, 3), derive(new MaxPooling3D(), 4, 5, 6, 3).output());
        assertEquals(Shape.of(2, 2, 3, 3), derive(new AveragePooling3D(2), 4, 5, 6, 3).output());
    }

    @Test
    void channelsFirstPoolingKeepsChannelsInFront() {
        // (C=5, 6, 6): 6/2 = 3
        assertEquals(Shape.of(5, 3, 3), derive(new MaxPooling2D().dataFormat("channels_first"), 5, 6, 6).output());
    }

    @Test
    void globalPoolingKeepsOneNumberPerChannel() {
        assertEquals(Shape.of(5), derive(new GlobalAveragePooling2D(), 7, 7, 5).output());
        assertEquals(Shape.of(5), derive(new GlobalMaxPooling2D(), 30, 20, 5).output());
        assertEquals(Shape.of(6), derive(new GlobalMaxPooling1D(), 10, 6).output());
        assertEquals(Shape.of(6), derive(new GlobalAveragePooling1D(), 10, 6).output());
    }

    @Test
    void globalPoolingWithKeepdimsLeavesOnesInPlace() {
        assertEquals(Shape.of(1, 1, 5), derive(new GlobalAveragePooling2D().keepdims(true), 7, 7, 5).output());
        assertEquals(Shape.of(5, 1, 1), derive(new GlobalMaxPooling2D().keepdims(true).dataFormat("channels_first"), 5, 7, 7).output());
    }

    @Test
    void globalPoolingChannelsFirstReadsTheFirstAxis() {
        assertEquals(Shape.of(5), derive(new GlobalAveragePooling2D().dataFormat("channels_first"), 5, 7, 9).output());
    }

    @Test
    void globalPoolingAcceptsUnknownSpatialSizes() {
        // the output does not depend on rows and cols, so (None, None, 8) still gives (8,)
        assertEquals(Shape.of(8), derive(new GlobalAveragePooling2D(), Shape.NONE, Shape.NONE, 8).output());
    }
}
