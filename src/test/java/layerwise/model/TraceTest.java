package layerwise.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import layerwise.Golden;
import layerwise.layers.Add;
import layerwise.layers.Concatenate;
import layerwise.layers.Conv2D;
import layerwise.layers.Dense;
import layerwise.layers.Embedding;
import layerwise.layers.Flatten;
import layerwise.layers.Input;
import layerwise.layers.Layer;
import layerwise.layers.LayerKinds;
import layerwise.layers.Names;
import layerwise.ndarray.NDArray;
import layerwise.ndarray.Shape;

/** model.trace(x): the derived shape of every layer kind is the shape that really comes out. */
class TraceTest {

    @BeforeEach
    void freshNames() { Names.reset(); }

    static Stream<org.junit.jupiter.params.provider.Arguments> kinds() { return LayerKinds.all(); }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void derivedAndRealShapesAgree(String name, Supplier<Layer> make, int[] inputShape) {
        Layer layer = make.get();
        var in = new Input(java.util.Arrays.stream(inputShape).asLongStream().toArray());
        Model model = new Model(in, layer.apply(in));
        model.initialize(1);
        NDArray x = layer instanceof Embedding ? NDArray.randint(3, 10, batch(3, inputShape)) : NDArray.normal(3, batch(3, inputShape));
        Trace trace = model.trace(x);
        assertEquals(List.of(), trace.mismatches().stream().map(s -> s.derived().label()).toList());
        assertEquals(1, trace.steps().size());
    }

    @Test
    void mergesInAGraphAgreeToo() {
        var in = new Input(4, 4, 2);
        var a = new Conv2D(2, 3).padding("same").apply(in);
        var merged = new Concatenate().apply(in, new Add().apply(in, a));
        Model model = new Model(in, new Dense(3).apply(new Flatten().apply(merged)));
        model.initialize(2);
        assertEquals(List.of(), model.trace(NDArray.normal(1, 2, 4, 4, 2)).mismatches());
    }

    @Test
    void aShapeThatDiffersIsReported() {
        var in = new Input(4);
        Model model = new Model(in, new Dense(3).apply(in));
        var derived = model.derivations().get(0);
        assertFalse(new Trace.Step(derived, NDArray.zeros(1, 4), "linear").shapesAgree());
        assertEquals(Shape.of(3), derived.output());
    }

    @Test
    void traceOfAReluCnnAsText() {
        var in = new Input(6, 6, 1);
        var x = new Conv2D(2, 3).activation("relu").apply(in);
        Model model = new Model(in, new Dense(2).activation("softmax").apply(new Flatten().apply(x)));
        model.initialize(7);
        NDArray sample = NDArray.arange(36).div(36f).reshape(1, 6, 6, 1);
        Golden.assertMatches(getClass(), "relu_cnn", model.trace(sample).toText());
    }

    private static int[] batch(int n, int[] sample) {
        int[] dims = new int[sample.length + 1];
        dims[0] = n;
        System.arraycopy(sample, 0, dims, 1, sample.length);
        return dims;
    }
}
