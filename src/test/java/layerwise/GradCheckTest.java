package layerwise;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import layerwise.layers.Param;
import layerwise.ndarray.NDArray;

class GradCheckTest {
    @Test
    void aWrongBackwardIsReportedWithIndexExpectedAndGot() {
        // y = x², so dL/dx = 2x·R; this backward forgets the factor 2
        NDArray[] saved = new NDArray[1];
        GradCheck.Net wrong = new GradCheck.Net() {
            public NDArray forward(NDArray x) { saved[0] = x; return x.square(); }
            public NDArray backward(NDArray g) { return g.mul(saved[0]); }
            public List<Param> params() { return List.of(); }
        };
        AssertionError e = assertThrows(AssertionError.class, () -> GradCheck.check(wrong, NDArray.of(new float[][] {{1, 2}, {3, 4}})));
        assertTrue(e.getMessage().matches("(?s)dL/dx\\[0,0\\]: expected -?[0-9.]+ \\(finite difference\\), got -?[0-9.]+.*"), e.getMessage());
    }
}
