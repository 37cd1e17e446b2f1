package layerwise.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import layerwise.Golden;
import layerwise.error.ShapeException;
import layerwise.ndarray.Shape;

/** A layer called again reuses its first call's weights, so only inputs that fit those weights are accepted. */
class SharedCallsTest {

    @BeforeEach
    void freshNames() {
        Names.reset();
    }

    @Test
    void aSecondCallThatWouldNeedOtherWeightsIsRefusedWithTheExplainedError() {
        // first call on (None, 3): 3×1 + 1 = 4 params; its output (None, 1) would need 1×1 + 1 = 2
        Dense d = new Dense(1);
        SymbolicTensor once = d.apply(new Input(3));
        var e = assertThrows(ShapeException.class, () -> d.apply(once));
        Golden.assertMatches(getClass(), "dense_on_its_own_output", e.getMessage() + "\n");
    }

    @Test
    void aSecondCallWithTheSameLastAxisButMoreAxesIsAccepted() {
        // Dense acts on the last axis: (None, 4) and (None, 2, 4) both use a 4×3 kernel
        Dense d = new Dense(3);
        assertEquals(List.of(Shape.of(3), Shape.of(2, 3)), List.of(d.apply(new Input(4)).shape(), d.apply(new Input(2, 4)).shape()));
    }

    @Test
    void eachCallKnowsWhichCallOfItsLayerItIs() {
        Dense d = new Dense(2);
        SymbolicTensor first = d.apply(new Input(2));
        assertEquals(List.of(0, 1), List.of(first.callIndex(), d.apply(first).callIndex()));
    }
}
