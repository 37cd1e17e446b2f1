package layerwise.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import layerwise.Golden;
import layerwise.GradCheck;
import layerwise.error.ShapeException;
import layerwise.ndarray.NDArray;
import layerwise.ndarray.Shape;

/**
 * The activation layers, the element-wise merges, RepeatVector and the 3-D global poolings: shapes,
 * explanations, gradient checks, and the same numbers as PyTorch (to 1e-4).
 */
class CurriculumLayersTest {
    private static final float TOL = 1e-4f;

    @BeforeEach
    void freshNames() { Names.reset(); }

    @AfterAll
    static void stopPython() { TorchReference.close(); }

    private static void matchesTorch(Layer layer, NDArray x, TorchReference ref) {
        NDArray y = layer.forward(x, true), r = NDArray.normal(21, y.dims()), dx = layer.backward(r);
        Map<String, float[]> torch = ref.with("shape", x.dims()).with("x", x).with("r", r).run();
        assertArrayEquals(torch.get("y"), y.toFloatArray(), TOL, "outputs");
        assertArrayEquals(torch.get("dx"), dx.toFloatArray(), TOL, "dL/dx");
    }

    private static TorchReference pointwise(String name) { return new TorchReference("pointwise").with("name", name); }

    @Test
    void activationLayersMatchPyTorch() {
        NDArray x = NDArray.normal(1, 2, 3, 4).mul(3);
        matchesTorch(new LeakyReLU().negativeSlope(0.2), x, pointwise("leaky_relu").with("slope", 0.2));
        matchesTorch(new ELU().alpha(0.7), x, pointwise("elu").with("alpha", 0.7));
        matchesTorch(new ReLU().maxValue(6), x.mul(3), pointwise("relu6"));
        matchesTorch(new Softmax(), x, pointwise("softmax"));
    }

    @Test
    void preluWithOneAlphaPerChannelMatchesPyTorch() {
        PReLU p = new PReLU().sharedAxes(1, 2);
        p.initialize(Shape.of(3, 3, 2), new java.util.Random(0));
        NDArray alpha = NDArray.fromArray(new float[] {0.25f, -0.5f}, 1, 1, 2), x = NDArray.normal(2, 2, 3, 3, 2);
        p.setWeights(List.of(alpha));
        TorchReference ref = pointwise("prelu").with("alpha", alpha);
        NDArray y = p.forward(x, true), r = NDArray.normal(21, y.dims()), dx = p.backward(r);
        Map<String, float[]> torch = ref.with("shape", x.dims()).with("x", x).with("r", r).run();
        assertArrayEquals(torch.get("y"), y.toFloatArray(), TOL, "outputs");
        assertArrayEquals(torch.get("dx"), dx.toFloatArray(), TOL, "dL/dx");
        assertArrayEquals(torch.get("dalpha"), p.params().get(0).grad().toFloatArray(), TOL, "dL/dalpha");
    }

    @Test
    void repeatVectorAndGlobalPooling3DMatchPyTorch() {
        matchesTorch(new RepeatVector(3), NDArray.normal(3, 2, 4), pointwise("repeat").with("n", 3));
        NDArray volume = NDArray.normal(4, 2, 2, 3, 2, 3);
        matchesTorch(new GlobalAveragePooling3D(), volume, pointwise("global_mean_3d"));
        matchesTorch(new GlobalMaxPooling3D(), volume, pointwise("global_max_3d"));
    }

    @Test
    void elementwiseMergesMatchPyTorch() {
        NDArray a = NDArray.normal(5, 2, 3, 4), b = NDArray.normal(6, 2, 3, 4);
        Map<String, Layer> layers = Map.of("multiply", new Multiply(), "subtract", new Subtract(), "maximum", new Maximum(),
                "minimum", new Minimum(), "average", new Average());
        layers.forEach((name, layer) -> {
            NDArray y = layer.forward(List.of(a, b), true), r = NDArray.normal(7, y.dims());
            List<NDArray> d = layer.backwardToInputs(r);
            Map<String, float[]> torch = new TorchReference("merge").with("name", name).with("shape", a.dims())
                    .with("a", a).with("b", b).with("r", r).run();
            assertArrayEquals(torch.get("y"), y.toFloatArray(), TOL, name + " outputs");
            assertArrayEquals(torch.get("da"), d.get(0).toFloatArray(), TOL, name + " dL/da");
            assertArrayEquals(torch.get("db"), d.get(1).toFloatArray(), TOL, name + " dL/db");
        });
    }

    @Test
    void activationLayerGradientsMatchFiniteDifferences() {
        NDArray x = NDArray.normal(8, 2, 5).mul(2);
        for (Layer l : List.of(new ReLU().negativeSlope(0.1).threshold(0.5).maxValue(2), new LeakyReLU(), new ELU(), new Softmax())) {
            GradCheck.assertMatches(l, x);
        }
        PReLU p = new PReLU();
        p.initialize(Shape.of(5), new java.util.Random(0));
        p.setWeights(List.of(NDArray.normal(9, 5)));
        GradCheck.assertMatches(p, x);
    }

    @Test
    void repeatVectorAndPooling3DGradientsMatchFiniteDifferences() {
        GradCheck.assertMatches(new RepeatVector(4), NDArray.normal(10, 2, 3));
        GradCheck.assertMatches(new GlobalAveragePooling3D(), NDArray.normal(11, 2, 2, 2, 3, 2));
        GradCheck.assertMatches(new GlobalMaxPooling3D(), NDArray.normal(12, 2, 2, 2, 3, 2));
    }

    @Test
    void mergeGradientsMatchFiniteDifferencesWithBroadcasting() {
        NDArray b = NDArray.normal(14, 2, 1, 4);
        for (Layer l : List.of(new Multiply(), new Subtract(), new Average(), new Maximum(), new Minimum())) {
            GradCheck.check(new GradCheck.Net() {
                public NDArray forward(NDArray in) { return l.forward(List.of(in, b), true); }
                public NDArray backward(NDArray g) { return l.backwardToInputs(g).get(0); }
                public List<layerwise.layers.Param> params() { return List.of(); }
            }, NDArray.normal(13, 2, 3, 4));
        }
    }

    @Test
    void preluSharedAxesLeaveOneAlphaPerChannel() {
        var d = new PReLU().sharedAxes(1, 2).derivation(Shape.of(28, 28, 16));
        assertEquals(16, d.params());
        assertEquals(28 * 28 * 16, new PReLU().derivation(Shape.of(28, 28, 16)).params());
    }

    @Test
    void repeatVectorMakesStepsOfTheVector() {
        assertEquals(Shape.of(3, 32), new RepeatVector(3).outputShape(Shape.of(32)));
        NDArray y = new RepeatVector(2).forward(NDArray.fromArray(new float[] {1, 2}, 1, 2), false);
        assertArrayEquals(new float[] {1, 2, 1, 2}, y.toFloatArray());
    }

    @Test
    void globalPooling3DLeavesOneNumberPerChannel() {
        assertEquals(Shape.of(8), new GlobalMaxPooling3D().outputShape(Shape.of(4, 5, 6, 8)));
        assertEquals(Shape.of(1, 1, 1, 8), new GlobalAveragePooling3D().keepdims(true).outputShape(Shape.of(4, 5, 6, 8)));
    }

    @Test
    void explanationsSayWhatEachLayerDoes() {
        StringBuilder text = new StringBuilder();
        text.append(new PReLU().sharedAxes(1, 2).explain(Shape.of(28, 28, 16)).toText());
        text.append(new LeakyReLU().explain(Shape.of(10)).toText());
        text.append(new RepeatVector(3).explain(Shape.of(32)).toText());
        text.append(new Multiply().derivation(List.of(Shape.of(5, 8), Shape.of(1, 8))).explanation().toText());
        text.append(new GlobalAveragePooling3D().explain(Shape.of(4, 5, 6, 8)).toText());
        Golden.assertMatches(CurriculumLayersTest.class, "explanations", text.toString());
    }

    @Test
    void subtractRefusesThreeInputs() {
        var e = assertThrows(ShapeException.class, () -> new Subtract().apply(new Input(3), new Input(3), new Input(3)));
        assertEquals("A `Subtract` layer should be called on exactly 2 inputs. Received: inputs=3 inputs", e.problem().headline());
    }

    @Test
    void repeatVectorRefusesASequence() {
        var e = assertThrows(ShapeException.class, () -> new RepeatVector(3).outputShape(Shape.of(5, 4)));
        assertEquals(true, e.getMessage().contains("Flatten or pool the input first"), e.getMessage());
    }

    private static void dotMatchesPyTorch(boolean normalize) {
        var dot = new Dot(2).normalize(normalize);
        NDArray a = NDArray.normal(15, 2, 3, 4), b = NDArray.normal(16, 2, 5, 4);
        NDArray y = dot.forward(List.of(a, b), true), r = NDArray.normal(17, y.dims());
        List<NDArray> d = dot.backwardToInputs(r);
        Map<String, float[]> torch = new TorchReference("dot").with("shape_a", a.dims()).with("shape_b", b.dims())
                .with("normalize", normalize).with("a", a).with("b", b).with("r", r).run();
        assertEquals(Shape.of(3, 5), Layer.sampleShape(y));
        assertArrayEquals(torch.get("y"), y.toFloatArray(), TOL, "outputs");
        assertArrayEquals(torch.get("da"), d.get(0).toFloatArray(), TOL, "dL/da");
        assertArrayEquals(torch.get("db"), d.get(1).toFloatArray(), TOL, "dL/db");
    }

    @Test
    void dotOfEveryPairOfStepsMatchesPyTorchBmm() { dotMatchesPyTorch(false); }

    @Test
    void normalizedDotIsPyTorchsCosineSimilarity() { dotMatchesPyTorch(true); }

    @Test
    void dotOfTwoVectorsIsOneNumberPerSample() {
        var out = new Dot(1).apply(new Input(8), new Input(8));
        assertEquals(Shape.of(1), out.shape());
        NDArray y = new Dot(1).forward(List.of(NDArray.fromArray(new float[] {1, 2, 3}, 1, 3), NDArray.fromArray(new float[] {4, 5, 6}, 1, 3)), false);
        assertArrayEquals(new float[] {32}, y.toFloatArray());
    }

    @Test
    void dotGradientsMatchFiniteDifferencesForMixedAxes() {
        var dot = new Dot(1, 2).normalize(true);
        NDArray b = NDArray.normal(19, 2, 3, 4);
        GradCheck.check(new GradCheck.Net() {
            public NDArray forward(NDArray in) { return dot.forward(List.of(in, b), true); }
            public NDArray backward(NDArray g) { return dot.backwardToInputs(g).get(0); }
            public List<layerwise.layers.Param> params() { return List.of(); }
        }, NDArray.normal(18, 2, 4, 5));
    }

    @Test
    void dotOfAxesOfDifferentSizesSaysWhichAxesDiffer() {
        var e = assertThrows(ShapeException.class, () -> new Dot(2).apply(new Input(3, 4), new Input(5, 6)));
        assertEquals("Incompatible input shapes: axis values 4 (at axis 2) != 6 (at axis 2). Full input shapes: (None, 3, 4), (None, 5, 6)",
                e.problem().headline());
    }
}
