package layerwise.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import layerwise.error.ConfigException;
import layerwise.ndarray.Shape;

/**
 * The constructors take Keras's positional arguments in Keras's order: Conv2D(filters, kernel_size,
 * strides), MaxPooling2D(pool_size, strides). A window that is not square is spelled out with
 * {@code .kernelSize(3, 2)} or {@code .poolSize(3, 2)}.
 */
class KerasPositionalArgumentsTest {
    @Test
    void conv2dThirdArgumentIsTheStrideNotTheKernelWidth() {
        Conv2D c = new Conv2D(64, 3, 2);
        assertArrayEquals(new int[] {2, 2}, c.strides());
        assertArrayEquals(new int[] {3, 3}, c.kernelSize());
        // 'valid': (28 − 3) / 2 + 1 = 13
        assertEquals(Shape.of(13, 13, 64), c.outputShape(Shape.of(28, 28, 1)));
    }

    @Test
    void conv2dWithoutStridesMovesOnePositionAtATime() {
        assertArrayEquals(new int[] {1, 1}, new Conv2D(64, 3).strides());
    }

    @Test
    void kernelSizeGivesANonSquareWindow() {
        Conv2D c = new Conv2D(8, 3).kernelSize(3, 2);
        assertArrayEquals(new int[] {3, 2}, c.kernelSize());
        // rows: 10 − 3 + 1 = 8; cols: 10 − 2 + 1 = 9
        assertEquals(Shape.of(8, 9, 8), c.outputShape(Shape.of(10, 10, 1)));
    }

    @Test
    void conv1dAndConv3dTakeStridesThird() {
        assertArrayEquals(new int[] {2}, new Conv1D(16, 5, 2).strides());
        assertArrayEquals(new int[] {2, 2, 2}, new Conv3D(8, 3, 2).strides());
        assertArrayEquals(new int[] {3, 3, 3}, new Conv3D(8, 3, 2).kernelSize());
        assertArrayEquals(new int[] {1, 3, 3}, new Conv3D(8, 3).kernelSize(1, 3, 3).kernelSize());
    }

    @Test
    void transposedSeparableAndDepthwiseFollowKerasOrder() {
        Conv2DTranspose t = new Conv2DTranspose(16, 3, 2);
        assertArrayEquals(new int[] {2, 2}, t.strides());
        // 'valid' transposed: 7·2 + max(3 − 2, 0) = 15
        assertEquals(Shape.of(15, 15, 16), t.outputShape(Shape.of(7, 7, 8)));
        SeparableConv2D s = new SeparableConv2D(32, 3, 2);
        assertArrayEquals(new int[] {3, 3}, s.kernelSize());
        assertArrayEquals(new int[] {2, 2}, s.strides());
        DepthwiseConv2D d = new DepthwiseConv2D(3, 2);
        assertArrayEquals(new int[] {3, 3}, d.kernelSize());
        assertArrayEquals(new int[] {2, 2}, d.strides());
    }

    @Test
    void maxPoolingSecondArgumentIsTheStride() {
        MaxPooling2D p = new MaxPooling2D(2, 1);
        assertArrayEquals(new int[] {2, 2}, p.poolSize());
        assertArrayEquals(new int[] {1, 1}, p.stridesOrDefault());
        // 'valid': (5 − 2) / 1 + 1 = 4
        assertEquals(Shape.of(4, 4, 3), p.outputShape(Shape.of(5, 5, 3)));
    }

    @Test
    void poolingStrideDefaultsToThePoolSize() {
        assertArrayEquals(new int[] {3, 3}, new MaxPooling2D(3).stridesOrDefault());
        assertArrayEquals(new int[] {2, 2}, new AveragePooling2D().stridesOrDefault());
        assertArrayEquals(new int[] {2}, new MaxPooling1D(4, 2).stridesOrDefault());
        assertArrayEquals(new int[] {1, 1, 1}, new AveragePooling3D(2, 1).stridesOrDefault());
    }

    @Test
    void poolSizeGivesANonSquareWindow() {
        MaxPooling2D p = new MaxPooling2D().poolSize(3, 2);
        assertArrayEquals(new int[] {3, 2}, p.poolSize());
        // strides default to the pool size: rows (9 − 3) / 3 + 1 = 3, cols (8 − 2) / 2 + 1 = 4
        assertEquals(Shape.of(3, 4, 1), p.outputShape(Shape.of(9, 8, 1)));
    }

    @Test
    void aKernelSizeOfTheWrongLengthSaysHowManyNumbers() {
        var e = assertThrows(ConfigException.class, () -> new Conv2D(8, 3).kernelSize(3, 2, 1));
        assertEquals("one number, or 2 numbers (one per spatial axis)", e.expected());
    }
}
