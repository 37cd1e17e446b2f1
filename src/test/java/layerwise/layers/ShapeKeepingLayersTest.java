package layerwise.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import layerwise.explain.Derivation;
import layerwise.model.Sequential;
import layerwise.ndarray.Shape;

/** BatchNormalization, Reshape, Dropout, Activation, ZeroPadding2D and UpSampling2D, worked out by hand. */
class ShapeKeepingLayersTest {

    @BeforeEach
    void freshNames() { Names.reset(); }

    private static Derivation derive(Layer layer, long... in) { return layer.derivation(Shape.of(in)); }

    @Test
    void batchNormalizationHasHalfItsParamsNonTrainable() {
        // γ, β: 2·64 = 128 trainable; moving mean, variance: 2·64 = 128 non-trainable; total 4·64 = 256
        Derivation d = derive(new BatchNormalization(), 28, 28, 64);
        assertEquals(Shape.of(28, 28, 64), d.output());
        assertEquals(128, d.trainableParams());
        assertEquals(128, d.nonTrainableParams());
        assertEquals(256, d.params());
    }

    @Test
    void batchNormalizationNonTrainableParamsReachTheSummary() {
        // Dense 5·10 + 10 = 60; BatchNormalization 4·10 = 40, of which 2·10 = 20 non-trainable
        var model = new Sequential();
        model.add(new Dense(10).inputShape(5));
        model.add(new BatchNormalization());
        assertEquals(100, model.summaryTable().totalParams());
        assertEquals(80, model.summaryTable().trainableParams());
        assertEquals(20, model.summaryTable().nonTrainableParams());
    }

    @Test
    void batchNormalizationAxisOneNormalizesChannelsFirst() {
        // Keras axis 1 = the first axis after the batch: C = 3, 4·3 = 12
        assertEquals(12, derive(new BatchNormalization().axis(1), 3, 32, 32).params());
    }

    @Test
    void batchNormalizationWithoutCenterLearnsOnlyGamma() {
        // γ: 16 trainable; moving mean and variance: 2·16 = 32
        Derivation d = derive(new BatchNormalization().center(false), 16);
        assertEquals(16, d.trainableParams());
        assertEquals(32, d.nonTrainableParams());
    }

    @Test
    void reshapeInfersTheMinusOneAxis() {
        // N = 6·6 = 36; 36/4 = 9
        assertEquals(Shape.of(9, 4), derive(new Reshape(-1, 4), 6, 6).output());
    }

    @Test
    void reshapeToImageShape() {
        // 784 = 28·28·1
        assertEquals(Shape.of(28, 28, 1), derive(new Reshape(28, 28, 1), 784).output());
    }

    @Test
    void reshapeMinusOneOfAnUnknownSizeStaysUnknown() {
        assertEquals(Shape.of(Shape.NONE, 4), derive(new Reshape(-1, 4), Shape.NONE, 4).output());
    }

    @Test
    void dropoutAndActivationKeepTheShape() {
        assertEquals(Shape.of(6, 6), derive(new Dropout(0.5), 6, 6).output());
        assertEquals(Shape.of(10), derive(new Activation("softmax"), 10).output());
        assertEquals(0, derive(new Dropout(0.5), 6, 6).params());
    }

    @Test
    void zeroPaddingAddsBothSides() {
        // 1 + 28 + 1 = 30
        assertEquals(Shape.of(30, 30, 1), derive(new ZeroPadding2D(1), 28, 28, 1).output());
        // rows 2 + 28 + 2 = 32, cols 1 + 28 + 1 = 30
        assertEquals(Shape.of(32, 30, 1), derive(new ZeroPadding2D(2, 1), 28, 28, 1).output());
    }

    @Test
    void zeroPaddingAsymmetric() {
        // rows 1 + 28 + 2 = 31, cols 3 + 28 + 4 = 35
        assertEquals(Shape.of(31, 35, 1), derive(new ZeroPadding2D(new int[] {1, 2}, new int[] {3, 4}), 28, 28, 1).output());
    }

    @Test
    void upSamplingMultipliesRowsAndCols() {
        // 14·2 = 28; per axis 14·2 = 28, 14·3 = 42
        assertEquals(Shape.of(28, 28, 8), derive(new UpSampling2D(2), 14, 14, 8).output());
        assertEquals(Shape.of(28, 42, 8), derive(new UpSampling2D(2, 3), 14, 14, 8).output());
        assertEquals(Shape.of(8, 28, 28), derive(new UpSampling2D().dataFormat("channels_first"), 8, 14, 14).output());
    }
}
