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
import org.junit.jupiter.params.provider.ValueSource;

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

    static Stream<Arguments> layers() { return LayerKinds.all(); }

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

    /** Self-attention (query, value), cross-attention with a key, and with a mask, which gets no gradient. */
    @ParameterizedTest(name = "{0} inputs")
    @ValueSource(ints = {2, 3, 4})
    void attentionExplainsTheGradientsItComputes(int inputs) {
        MultiHeadAttention layer = new MultiHeadAttention(2, 3).valueDim(4).useCausalMask(true);
        List<Shape> in = new ArrayList<>(List.of(Shape.of(5, 6), Shape.of(7, 4), Shape.of(7, 3), Shape.of(5, 7)).subList(0, inputs));
        List<NDArray> x = new ArrayList<>();
        for (int i = 0; i < inputs; i++) x.add(i == 3 ? NDArray.ones(batch(5, 7)) : NDArray.normal(i + 1, batch(Shape.of(in.get(i).dims()))));
        NDArray y = layer.forward(x, true);
        List<NDArray> dx = layer.backwardToInputs(NDArray.ones(y.dims()));
        Derivation d = layer.backwardDerivation(in);

        List<Gradient> explained = d.gradients().stream().filter(g -> g.of().startsWith(Gradient.INPUT)).toList();
        assertEquals(Math.min(inputs, 3), explained.size(), "one ∂L/∂x per query, value and key; none for the mask");
        for (int i = 0; i < explained.size(); i++) assertShape(dx.get(i).dims(), explained.get(i).dims(), explained.get(i).symbol());
        assertWeights(layer, d);
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
        assertEquals(layer.params().stream().map(Param::name).sorted().toList(), explained.stream().sorted().toList(),
                "every weight's gradient is explained once (in backward's order, which may differ from params())");
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

    private static int[] batch(Shape sample) { return batch(Arrays.stream(sample.dims()).mapToInt(v -> (int) v).toArray()); }

    private static int[] batch(int... sample) {
        int[] dims = new int[sample.length + 1];
        dims[0] = BATCH;
        System.arraycopy(sample, 0, dims, 1, sample.length);
        return dims;
    }
}
