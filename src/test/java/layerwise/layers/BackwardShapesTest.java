package layerwise.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import layerwise.explain.Derivation;
import layerwise.explain.Gradient;
import layerwise.ndarray.NDArray;
import layerwise.ndarray.Shape;

/**
 * For every layer kind, the backward explanation's shapes are the shapes of the gradients backward
 * really computes: each weight's gradient, ∂L/∂x, and the ∂L/∂y it starts from.
 */
class BackwardShapesTest {
    private static final int BATCH = 2;

    static Stream<Arguments> layers() {
        return Stream.of(
                kind("Dense", () -> new Dense(4).activation("relu"), 5),
                kind("Dense on a sequence", () -> new Dense(3), 4, 5),
                kind("Conv1D", () -> new Conv1D(3, 2).activation("tanh"), 6, 2),
                kind("Conv2D", () -> new Conv2D(3, 3).strides(2).padding("same"), 7, 7, 2),
                kind("Conv3D", () -> new Conv3D(2, 2), 4, 4, 4, 1),
                kind("Conv2DTranspose", () -> new Conv2DTranspose(2, 3).strides(2), 3, 3, 2),
                kind("DepthwiseConv2D", () -> new DepthwiseConv2D(3).depthMultiplier(2), 5, 5, 2),
                kind("SeparableConv2D", () -> new SeparableConv2D(3, 3).depthMultiplier(2), 5, 5, 2),
                kind("MaxPooling1D", () -> new MaxPooling1D(2), 6, 2),
                kind("MaxPooling2D", () -> new MaxPooling2D(2), 4, 6, 3),
                kind("MaxPooling3D", () -> new MaxPooling3D(2), 4, 4, 4, 1),
                kind("AveragePooling1D", () -> new AveragePooling1D(2), 6, 2),
                kind("AveragePooling2D", () -> new AveragePooling2D(2), 4, 6, 3),
                kind("AveragePooling3D", () -> new AveragePooling3D(2), 4, 4, 4, 1),
                kind("GlobalMaxPooling1D", GlobalMaxPooling1D::new, 5, 3),
                kind("GlobalAveragePooling2D", GlobalAveragePooling2D::new, 4, 4, 3),
                kind("GlobalMaxPooling2D", GlobalMaxPooling2D::new, 4, 4, 3),
                kind("GlobalAveragePooling1D", GlobalAveragePooling1D::new, 5, 3),
                kind("Flatten", Flatten::new, 3, 3, 2),
                kind("Reshape", () -> new Reshape(9, 2), 3, 3, 2),
                kind("Activation", () -> new Activation("sigmoid"), 4, 3),
                kind("Dropout", () -> new Dropout(0.5).seed(1), 4, 3),
                kind("BatchNormalization", BatchNormalization::new, 4, 3),
                kind("SimpleRNN", () -> new SimpleRNN(3).returnSequences(true), 4, 2),
                kind("LSTM", () -> new LSTM(3), 4, 2),
                kind("GRU", () -> new GRU(3), 4, 2),
                kind("Bidirectional", () -> new Bidirectional(new LSTM(2)), 4, 3),
                kind("Embedding", () -> new Embedding(10, 4), 5),
                kind("UpSampling2D", () -> new UpSampling2D(2), 3, 3, 2),
                kind("ZeroPadding2D", () -> new ZeroPadding2D(1), 3, 3, 2));
    }

    private static Arguments kind(String name, Supplier<Layer> layer, int... inputShape) {
        return Arguments.of(name, layer, inputShape);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layers")
    void explainedGradientShapesAreTheComputedOnes(String name, Supplier<Layer> make, int[] inputShape) {
        Layer layer = make.get();
        Shape in = Shape.of(inputShape);
        layer.initialize(in, new Random(1));
        NDArray x = layer instanceof Embedding ? NDArray.randint(3, 10, batch(inputShape)) : NDArray.normal(3, batch(inputShape));
        NDArray y = layer.forward(x, true);
        NDArray dx = layer.backward(NDArray.ones(y.dims()));
        Derivation d = layer.backwardDerivation(in);

        assertEquals(Layer.sampleShape(y), d.inputs().get(0), "∂L/∂y has the output's shape");
        assertShape(dx.dims(), input(d).dims(), "∂L/∂x");
        assertWeights(layer, d);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("merges")
    void mergesExplainOneInputGradientPerInput(String name, Supplier<Layer> make) {
        Layer layer = make.get();
        List<Shape> in = List.of(Shape.of(3, 2), Shape.of(3, 2));
        NDArray y = layer.forward(List.of(NDArray.normal(1, BATCH, 3, 2), NDArray.normal(2, BATCH, 3, 2)), true);
        List<NDArray> dx = layer.backwardToInputs(NDArray.ones(y.dims()));
        List<Gradient> inputs = layer.backwardDerivation(in).gradients();
        assertEquals(dx.size(), inputs.size());
        for (int i = 0; i < dx.size(); i++) assertShape(dx.get(i).dims(), inputs.get(i).dims(), "∂L/∂x" + (i + 1));
    }

    static Stream<Arguments> merges() {
        return Stream.of(Arguments.of("Add", (Supplier<Layer>) Add::new), Arguments.of("Concatenate", (Supplier<Layer>) Concatenate::new));
    }

    private static void assertWeights(Layer layer, Derivation d) {
        List<String> explained = new ArrayList<>();
        for (Gradient g : d.gradients()) {
            if (!g.isWeight()) continue;
            explained.add(g.of());
            Param p = layer.params().stream().filter(q -> q.name().equals(g.of())).findFirst()
                    .orElseThrow(() -> new AssertionError("explained gradient of '" + g.of() + "', which is not a weight of " + layer));
            assertArrayEquals(Arrays.stream(p.grad().dims()).asLongStream().toArray(), g.dims(), "∂L/∂" + g.of());
        }
        assertEquals(layer.params().stream().map(Param::name).toList(), explained, "every weight's gradient is explained, in order");
    }

    private static Gradient input(Derivation d) {
        return d.gradients().stream().filter(g -> g.of().equals(Gradient.INPUT)).findFirst().orElseThrow();
    }

    /** The explained shape starts with the batch axis, None; the rest must match exactly. */
    private static void assertShape(int[] real, long[] explained, String what) {
        assertEquals(Shape.NONE, explained[0], what + ": the batch axis is None");
        assertArrayEquals(Arrays.stream(real).skip(1).asLongStream().toArray(), Arrays.copyOfRange(explained, 1, explained.length), what);
        assertEquals(real.length, explained.length, what + " rank");
    }

    private static int[] batch(int[] sample) {
        int[] dims = new int[sample.length + 1];
        dims[0] = BATCH;
        System.arraycopy(sample, 0, dims, 1, sample.length);
        return dims;
    }
}
