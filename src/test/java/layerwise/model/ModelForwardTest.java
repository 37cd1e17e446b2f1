package layerwise.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import layerwise.GradCheck;
import layerwise.error.ShapeException;
import layerwise.layers.Conv2D;
import layerwise.layers.Dense;
import layerwise.layers.Flatten;
import layerwise.layers.Input;
import layerwise.layers.MaxPooling2D;
import layerwise.ndarray.NDArray;

class ModelForwardTest {
    /** Seed 000 in small: Conv2D → Flatten → Dense → Dense(softmax), functional style. */
    private static Model smallSeed000() {
        var in = new Input(6, 6, 2);
        var x = new Conv2D(3, 3).activation("tanh").apply(in);
        x = new Flatten().apply(x);
        x = new Dense(5).activation("sigmoid").apply(x);
        Model m = new Model(in, new Dense(4).activation("softmax").apply(x));
        m.initialize(1);
        return m;
    }

    @Test
    void forwardGivesOneRowPerSample() {
        NDArray y = smallSeed000().forward(NDArray.random(2, 3, 6, 6, 2), false);
        assertArrayEquals(new int[] {3, 4}, y.dims());
        assertArrayEquals(new float[] {1, 1, 1}, y.sum(1).toFloatArray(), 1e-6f);
    }

    @Test
    void functionalModelBackwardMatchesFiniteDifferences() {
        GradCheck.assertMatches(smallSeed000(), NDArray.random(3, 2, 6, 6, 2));
    }

    @Test
    void sequentialModelBackwardMatchesFiniteDifferences() {
        var m = new Sequential();
        m.add(new Conv2D(2, 3).activation("tanh").inputShape(7, 7, 1));
        m.add(new MaxPooling2D(2));
        m.add(new Flatten());
        m.add(new Dense(3));
        m.initialize(4);
        GradCheck.assertMatches(m, NDArray.normal(5, 2, 7, 7, 1));
    }

    @Test
    void residualAndConcatenatedBranchesBackwardMatchFiniteDifferences() {
        // the tensor a feeds three layers, so its gradient is the sum of three paths
        var in = new Input(5);
        var a = new Dense(4).activation("tanh").apply(in);
        var sum = new layerwise.layers.Add().apply(a, new Dense(4).activation("sigmoid").apply(a));
        var joined = new layerwise.layers.Concatenate().apply(sum, a);
        Model m = new Model(in, new Dense(3).activation("softmax").apply(joined));
        m.initialize(6);
        GradCheck.assertMatches(m, NDArray.normal(7, 3, 5));
    }

    @Test
    void sameSeedGivesSameWeights() {
        assertArrayEquals(smallSeed000().params().get(0).value().toFloatArray(), smallSeed000().params().get(0).value().toFloatArray());
    }

    @Test
    void dataOfTheWrongShapeIsExplained() {
        var e = assertThrows(ShapeException.class, () -> smallSeed000().forward(NDArray.zeros(3, 6, 6, 3), false));
        assertTrue(e.getMessage().startsWith("Error when checking input: expected input_"), e.getMessage());
        assertTrue(e.getMessage().contains("to have shape (6, 6, 2) but got array with shape (3, 6, 6, 3)"), e.getMessage());
    }

    @Test
    void predictJoinsTheBatches() {
        NDArray y = smallSeed000().predict(NDArray.random(9, 5, 6, 6, 2), 2);
        assertArrayEquals(new int[] {5, 4}, y.dims());
    }
}
