package layerwise.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import layerwise.Golden;
import layerwise.GradCheck;
import layerwise.error.ShapeException;
import layerwise.model.KerasJson;
import layerwise.model.Model;
import layerwise.model.Sequential;
import layerwise.ndarray.NDArray;
import layerwise.ndarray.Shape;

/** TimeDistributed and Cropping1D/2D/3D: shapes, explanations, errors, JSON, gradients and PyTorch. */
class WrapperAndCroppingTest {
    private static final float TOL = 1e-4f;

    @BeforeEach
    void freshNames() { Names.reset(); }

    @AfterAll
    static void stopPython() { TorchReference.close(); }

    @Test
    void timeDistributedDenseActsOnEveryStepWithOneSetOfWeights() {
        var d = new TimeDistributed(new Dense(8)).derivation(Shape.of(10, 4));
        assertEquals(Shape.of(10, 8), d.output());
        assertEquals(4 * 8 + 8, d.params());
    }

    @Test
    void timeDistributedConv2DRunsOnEachFrame() {
        var d = new TimeDistributed(new Conv2D(16, 3)).derivation(Shape.of(5, 28, 28, 1));
        assertEquals(Shape.of(5, 26, 26, 16), d.output());
        assertEquals(3 * 3 * 16 + 16, d.params());
    }

    @Test
    void timeDistributedSaysWhichStepShapeTheInnerLayerCannotTake() {
        var e = assertThrows(ShapeException.class, () -> new TimeDistributed(new Conv2D(16, 3)).derivation(Shape.of(5, 28, 28)));
        Golden.assertMatches(WrapperAndCroppingTest.class, "time_distributed_conv_on_2d_steps", e.getMessage());
    }

    @Test
    void croppingShortensEachSpatialAxis() {
        assertEquals(Shape.of(8, 3), new Cropping1D(1, 1).outputShape(Shape.of(10, 3)));
        assertEquals(Shape.of(25, 22, 3), new Cropping2D(new int[] {2, 1}, new int[] {4, 2}).outputShape(Shape.of(28, 28, 3)));
        assertEquals(Shape.of(2, 4, 6, 5), new Cropping3D(1).outputShape(Shape.of(4, 6, 8, 5)));
    }

    @Test
    void croppingMoreThanTheAxisHoldsShowsTheWorkedFormula() {
        var e = assertThrows(ShapeException.class, () -> new Cropping2D(3).outputShape(Shape.of(6, 10, 3)));
        Golden.assertMatches(WrapperAndCroppingTest.class, "crop_too_much", e.getMessage());
    }

    @Test
    void explanations() {
        String text = new TimeDistributed(new Dense(8)).explain(Shape.of(10, 4)).toText()
                + new Cropping2D(new int[] {2, 1}, new int[] {4, 2}).explain(Shape.of(28, 28, 3)).toText();
        Golden.assertMatches(WrapperAndCroppingTest.class, "explanations", text);
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        var td = new TimeDistributed(new Dense(3).activation("tanh"));
        td.initialize(Shape.of(4, 5), new Random(1));
        GradCheck.assertMatches(td, NDArray.normal(1, 2, 4, 5));
        GradCheck.assertMatches(new Cropping1D(1, 2), NDArray.normal(2, 2, 6, 3));
        GradCheck.assertMatches(new Cropping2D(new int[] {1, 0}, new int[] {0, 2}), NDArray.normal(3, 2, 4, 5, 2));
        GradCheck.assertMatches(new Cropping3D(1).dataFormat("channels_first"), NDArray.normal(4, 1, 2, 3, 4, 5));
    }

    @Test
    void croppingMatchesPyTorchSlicing() {
        var c = new Cropping2D(new int[] {2, 1}, new int[] {0, 3});
        NDArray x = NDArray.normal(5, 2, 6, 7, 3), y = c.forward(x, true), r = NDArray.normal(6, y.dims()), dx = c.backward(r);
        Map<String, float[]> torch = new TorchReference("pointwise").with("name", "crop").with("crop", new int[][] {{2, 1}, {0, 3}})
                .with("shape", x.dims()).with("x", x).with("r", r).run();
        assertArrayEquals(torch.get("y"), y.toFloatArray(), TOL, "outputs");
        assertArrayEquals(torch.get("dx"), dx.toFloatArray(), TOL, "dL/dx");
    }

    @Test
    void timeDistributedDenseMatchesPyTorchLinear() {
        var td = new TimeDistributed(new Dense(3));
        td.initialize(Shape.of(4, 5), new Random(7));
        td.setWeights(List.of(td.params().get(0).value(), NDArray.normal(8, 3)));
        NDArray x = NDArray.normal(9, 2, 4, 5), y = td.forward(x, true), r = NDArray.normal(10, y.dims()), dx = td.backward(r);
        Map<String, float[]> torch = new TorchReference("pointwise").with("name", "dense_per_step").with("units", 3)
                .with("kernel", td.params().get(0).value()).with("bias", td.params().get(1).value())
                .with("shape", x.dims()).with("x", x).with("r", r).run();
        assertArrayEquals(torch.get("y"), y.toFloatArray(), TOL, "outputs");
        assertArrayEquals(torch.get("dx"), dx.toFloatArray(), TOL, "dL/dx");
        assertArrayEquals(torch.get("dkernel"), td.params().get(0).grad().toFloatArray(), TOL, "dL/dkernel");
        assertArrayEquals(torch.get("dbias"), td.params().get(1).grad().toFloatArray(), TOL, "dL/dbias");
    }

    @Test
    void wrapperAndCroppingSurviveTheJsonRoundTrip() {
        var seq = new Sequential();
        seq.add(new TimeDistributed(new Conv2D(4, 3).activation("relu")).inputShape(5, 12, 12, 1));
        seq.add(new TimeDistributed(new Cropping2D(new int[] {1, 0}, new int[] {2, 1})));
        seq.add(new TimeDistributed(new Flatten()));
        seq.add(new Cropping1D(1, 2));
        String json = seq.toJson();
        Model back = KerasJson.read(json);
        assertEquals(json, back.toJson());
        assertEquals(seq.summaryTable().toText(), back.summaryTable().toText());
        var vol = new Sequential();
        vol.add(new Cropping3D(new int[] {1, 0}, new int[] {0, 1}, new int[] {1, 1}).inputShape(4, 5, 6, 2));
        assertEquals(vol.toJson(), KerasJson.read(vol.toJson()).toJson());
    }
}
