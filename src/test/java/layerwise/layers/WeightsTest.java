package layerwise.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import layerwise.error.ConfigException;
import layerwise.error.ShapeException;
import layerwise.ndarray.NDArray;
import layerwise.ndarray.Shape;

/** getWeights/setWeights in Keras's order and shapes, worked out from Keras's layer definitions. */
class WeightsTest {
    /** The shapes of getWeights() after applying the layer to inputs of this shape. */
    private static List<Shape> shapes(Layer layer, long... in) {
        layer.apply(new Input(in));
        return layer.getWeights().stream().map(NDArray::shape).toList();
    }

    @Test
    void denseHasKernelInputsByUnitsThenBias() {
        assertEquals(List.of(Shape.of(784, 64), Shape.of(64)), shapes(new Dense(64), 784));
    }

    @Test
    void conv2dKernelIsHeightWidthInputChannelsFilters() {
        assertEquals(List.of(Shape.of(3, 3, 1, 32), Shape.of(32)), shapes(new Conv2D(32, 3), 28, 28, 1));
    }

    @Test
    void conv2dTransposeKernelHasFiltersBeforeInputChannels() {
        assertEquals(List.of(Shape.of(2, 2, 8, 3), Shape.of(8)), shapes(new Conv2DTranspose(8, 2), 4, 4, 3));
    }

    @Test
    void depthwiseKernelEndsWithTheDepthMultiplierAndSeparableAddsAPointwiseKernel() {
        assertEquals(List.of(Shape.of(3, 3, 4, 2), Shape.of(8)), shapes(new DepthwiseConv2D(3).depthMultiplier(2), 8, 8, 4));
        assertEquals(List.of(Shape.of(3, 3, 4, 1), Shape.of(1, 1, 4, 5), Shape.of(5)), shapes(new SeparableConv2D(5, 3), 8, 8, 4));
    }

    @Test
    void batchNormalizationListsGammaBetaMovingMeanMovingVariance() {
        BatchNormalization bn = new BatchNormalization();
        assertEquals(List.of(Shape.of(6), Shape.of(6), Shape.of(6), Shape.of(6)), shapes(bn, 4, 4, 6));
        List<NDArray> w = bn.getWeights();
        // γ = 1, β = 0, moving mean 0, moving variance 1, as Keras starts them
        assertArrayEquals(new float[] {1, 1, 1, 1, 1, 1}, w.get(0).toFloatArray());
        assertArrayEquals(new float[] {0, 0, 0, 0, 0, 0}, w.get(1).toFloatArray());
        assertArrayEquals(new float[] {0, 0, 0, 0, 0, 0}, w.get(2).toFloatArray());
        assertArrayEquals(new float[] {1, 1, 1, 1, 1, 1}, w.get(3).toFloatArray());
    }

    @Test
    void recurrentLayersHaveKernelRecurrentKernelBiasWithGatesSideBySide() {
        // d = 3 features, u = 5 units: LSTM has 4 gates, GRU 3 with a (2, 3u) bias (reset_after), SimpleRNN 1
        assertEquals(List.of(Shape.of(3, 20), Shape.of(5, 20), Shape.of(20)), shapes(new LSTM(5), 10, 3));
        assertEquals(List.of(Shape.of(3, 15), Shape.of(5, 15), Shape.of(2, 15)), shapes(new GRU(5), 10, 3));
        assertEquals(List.of(Shape.of(3, 5), Shape.of(5, 5), Shape.of(5)), shapes(new SimpleRNN(5), 10, 3));
    }

    @Test
    void bidirectionalListsTheForwardWeightsThenTheBackwardOnes() {
        assertEquals(List.of(Shape.of(3, 8), Shape.of(2, 8), Shape.of(8), Shape.of(3, 8), Shape.of(2, 8), Shape.of(8)),
                shapes(new Bidirectional(new LSTM(2)), 7, 3));
    }

    @Test
    void embeddingHasOneTableOfInputDimByOutputDim() {
        assertEquals(List.of(Shape.of(100, 8)), shapes(new Embedding(100, 8), 12));
    }

    @Test
    void multiHeadAttentionListsQueryKeyValueOutputWithTheHeadsAsAnAxis() {
        MultiHeadAttention mha = new MultiHeadAttention(2, 3);
        Input in = new Input(4, 6);
        mha.apply(in, in);
        // query, key, value kernels (d, heads, key_dim) and biases (heads, key_dim); output kernel (heads, key_dim, d), bias (d,)
        assertEquals(List.of(Shape.of(6, 2, 3), Shape.of(2, 3), Shape.of(6, 2, 3), Shape.of(2, 3), Shape.of(6, 2, 3), Shape.of(2, 3),
                Shape.of(2, 3, 6), Shape.of(6)), mha.getWeights().stream().map(NDArray::shape).toList());
    }

    @Test
    void layersWithoutWeightsHaveNone() {
        assertEquals(List.of(), shapes(new Flatten(), 4, 4, 2));
    }

    @Test
    void getWeightsReturnsCopies() {
        Dense d = new Dense(2);
        d.apply(new Input(3));
        d.getWeights().get(1).data()[0] = 42f;
        assertEquals(0f, d.getWeights().get(1).data()[0]);
    }

    @Test
    void setWeightsThenGetWeightsGivesTheSameNumbers() {
        BatchNormalization bn = new BatchNormalization();
        bn.apply(new Input(2));
        List<NDArray> w = List.of(NDArray.of(2f, 3f), NDArray.of(-1f, 1f), NDArray.of(0.5f, 0.25f), NDArray.of(4f, 9f));
        bn.setWeights(w);
        for (int i = 0; i < 4; i++) assertArrayEquals(w.get(i).toFloatArray(), bn.getWeights().get(i).toFloatArray());
    }

    @Test
    void setWeightsRefusesAWrongCountNamingEachExpectedArray() {
        Dense d = new Dense(4).name("hidden");
        d.apply(new Input(3));
        ConfigException e = assertThrows(ConfigException.class, () -> d.setWeights(List.of(NDArray.zeros(3, 4))));
        assertEquals("""
                You called `set_weights(weights)` on layer 'hidden' with a weight list of length 1, but the layer was expecting 2 weights.
                  Layer:    hidden (Dense)
                  Expected: 2 arrays: [kernel (3, 4), bias (4,)]
                  Got:      1 arrays: [(3, 4)]
                  Fix:      pass one array per weight, in the order kernel, bias""", e.getMessage());
    }

    @Test
    void setWeightsRefusesAKernelInPyTorchsLayoutAndSaysToTranspose() {
        Dense d = new Dense(4).name("hidden");
        d.apply(new Input(3));
        ShapeException e = assertThrows(ShapeException.class, () -> d.setWeights(List.of(NDArray.zeros(4, 3), NDArray.zeros(4))));
        assertEquals("""
                Layer hidden weight shape (3, 4) is not compatible with provided weight shape (4, 3).
                  Layer:    hidden (Dense)
                  Expected: kernel (array 0) of shape (3, 4)
                  Got:      (4, 3)
                  Fix:      give the kernel the shape (3, 4); Keras lays a kernel out as (inputs, units), PyTorch as (outputs, inputs, …): transpose the axes rather than reshape""",
                e.getMessage());
    }

    @Test
    void setWeightsOnALayerWithoutAnInputShapeSaysToAddItFirst() {
        ConfigException e = assertThrows(ConfigException.class, () -> new Dense(4).setWeights(List.of(NDArray.zeros(3, 4), NDArray.zeros(4))));
        assertTrue(e.getMessage().contains("Fix:      add the layer to a model (or apply it to an Input) first, then set its weights"), e.getMessage());
    }

    @Test
    void aWrongShapeChangesNothing() {
        Dense d = new Dense(2);
        d.apply(new Input(2));
        List<NDArray> before = d.getWeights();
        assertThrows(ShapeException.class, () -> d.setWeights(List.of(NDArray.ones(2, 2), NDArray.ones(3))));
        assertArrayEquals(before.get(0).toFloatArray(), d.getWeights().get(0).toFloatArray());
    }
}
