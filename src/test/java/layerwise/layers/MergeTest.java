package layerwise.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import layerwise.GradCheck;
import layerwise.error.ShapeException;
import layerwise.layers.Param;
import layerwise.ndarray.NDArray;

/** Concatenate and Add on numbers; the gradient checks feed each input in turn as the checked x. */
class MergeTest {

    /** A net whose x is input {@code which} of the merge, the other input held fixed. */
    private static GradCheck.Net asInput(Layer merge, int which, NDArray other) {
        return new GradCheck.Net() {
            public NDArray forward(NDArray x) { return merge.forward(which == 0 ? List.of(x, other) : List.of(other, x), true); }
            public NDArray backward(NDArray g) { return merge.backwardToInputs(g).get(which); }
            public List<Param> params() { return List.of(); }
        };
    }

    @Test
    void concatenatePutsTheInputsSideBySide() {
        NDArray a = NDArray.of(new float[][] {{1, 2}}), b = NDArray.of(new float[][] {{3}});
        assertArrayEquals(new float[] {1, 2, 3}, new Concatenate().forward(List.of(a, b), false).toFloatArray());
    }

    @Test
    void concatenateAlongAxisOneStacksTheSteps() {
        NDArray a = NDArray.of(new float[][] {{1, 2}}).reshape(1, 1, 2), b = NDArray.of(new float[][] {{3, 4}}).reshape(1, 1, 2);
        NDArray y = new Concatenate(1).forward(List.of(a, b), false);
        assertArrayEquals(new int[] {1, 2, 2}, y.dims());
        assertArrayEquals(new float[] {1, 2, 3, 4}, y.toFloatArray());
    }

    @Test
    void concatenateBackwardMatchesFiniteDifferencesForEachInput() {
        Concatenate c = new Concatenate();
        GradCheck.check(asInput(c, 0, NDArray.normal(1, 2, 3, 3, 5)), NDArray.normal(2, 2, 3, 3, 2));
        GradCheck.check(asInput(c, 1, NDArray.normal(3, 2, 3, 3, 2)), NDArray.normal(4, 2, 3, 3, 5));
    }

    @Test
    void addSumsElementByElement() {
        NDArray y = new Add().forward(List.of(NDArray.of(1f, 2f).reshape(1, 2), NDArray.of(10f, 20f).reshape(1, 2)), false);
        assertArrayEquals(new float[] {11, 22}, y.toFloatArray());
    }

    @Test
    void addBackwardSumsTheGradientOverABroadcastAxis() {
        Add add = new Add();
        GradCheck.check(asInput(add, 0, NDArray.normal(5, 2, 1, 3)), NDArray.normal(6, 2, 4, 3));
        GradCheck.check(asInput(add, 1, NDArray.normal(7, 2, 4, 3)), NDArray.normal(8, 2, 1, 3));
    }

    @Test
    void mismatchedBatchesGiveTheModelBuildingError() {
        var e = assertThrows(ShapeException.class, () -> new Add().forward(List.of(NDArray.zeros(2, 3), NDArray.zeros(2, 4)), false));
        assertArrayEquals(new String[] {"Operands could not be broadcast together with shapes (3,) (4,)"}, new String[] {e.headline()});
    }
}
