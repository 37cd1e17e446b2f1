package layerwise.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import layerwise.ndarray.NDArray;
import layerwise.ndarray.Shape;

/** A strided causal Conv1D pads K − 1 steps on the left, as Keras does, so no output sees a later step. */
class CausalConv1DTest {

    @Test
    void stridedCausalConvolutionNeverSeesTheFuture() {
        Conv1D c = new Conv1D(1, 3).padding("causal").strides(2).useBias(false);
        c.initialize(Shape.of(8, 1), new Random(0));
        c.setWeights(List.of(NDArray.ones(3, 1, 1)));
        // x = 0…7 padded by 2 zeros on the left; output j sums x[2j − 2], x[2j − 1], x[2j]:
        // j=0: 0+0+0 = 0, j=1: 0+1+2 = 3, j=2: 2+3+4 = 9, j=3: 4+5+6 = 15 (x[7] is never used)
        NDArray y = c.forward(NDArray.arange(8).reshape(1, 8, 1), false);
        assertArrayEquals(new float[] {0, 3, 9, 15}, y.toFloatArray());
    }
}
