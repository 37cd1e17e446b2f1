package layerwise.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import layerwise.GradCheck;
import layerwise.layers.Add;
import layerwise.layers.BatchNormalization;
import layerwise.layers.Bidirectional;
import layerwise.layers.Concatenate;
import layerwise.layers.Conv2D;
import layerwise.layers.Conv2DTranspose;
import layerwise.layers.Dense;
import layerwise.layers.DepthwiseConv2D;
import layerwise.layers.Dropout;
import layerwise.layers.Embedding;
import layerwise.layers.Flatten;
import layerwise.layers.GRU;
import layerwise.layers.GlobalAveragePooling2D;
import layerwise.layers.Input;
import layerwise.layers.LSTM;
import layerwise.layers.Names;
import layerwise.layers.SeparableConv2D;
import layerwise.layers.UpSampling2D;
import layerwise.layers.ZeroPadding2D;
import layerwise.ndarray.NDArray;
import layerwise.train.Adam;
import layerwise.train.FitOptions;
import layerwise.train.History;

/** Whole models built from the newer layers: the graph's backward (forks, merges) agrees with finite differences, and they train. */
class EveryLayerModelTest {

    @BeforeEach
    void freshNames() { Names.reset(); }

    @Test
    void residualBlockWithBatchNormalizationAndMergesMatchesFiniteDifferences() {
        var in = new Input(5, 5, 2);
        var x = new Conv2D(2, 3).padding("same").apply(in);
        x = new BatchNormalization().apply(x);
        var sum = new Add().apply(in, x);
        var both = new Concatenate().apply(in, sum);
        var out = new Dense(3).apply(new GlobalAveragePooling2D().apply(both));
        Model model = new Model(in, out);
        model.initialize(1);
        GradCheck.assertMatches(model, NDArray.normal(2, 3, 5, 5, 2));
    }

    @Test
    void convolutionsThatShrinkAndGrowMatchFiniteDifferences() {
        var in = new Input(6, 6, 1);
        var x = new ZeroPadding2D(1).apply(in);
        x = new SeparableConv2D(2, 3).strides(2).activation("tanh").apply(x);
        x = new UpSampling2D(2).apply(x);
        x = new DepthwiseConv2D(3).depthMultiplier(2).apply(x);
        x = new Conv2DTranspose(1, 2).strides(2).apply(x);
        Model model = new Model(in, new Dense(2).apply(new Flatten().apply(x)));
        model.initialize(3);
        GradCheck.assertMatches(model, NDArray.normal(4, 2, 6, 6, 1));
    }

    @Test
    void sequenceModelMatchesFiniteDifferences() {
        var in = new Input(4);
        var x = new Embedding(10, 3).apply(in);
        x = new Bidirectional(new GRU(2).returnSequences(true)).apply(x);
        x = new LSTM(2).apply(x);
        Model model = new Model(in, new Dense(1).apply(x));
        model.initialize(5);
        GradCheck.assertMatches(model, NDArray.of(new float[][] {{1, 4, 4, 9}, {0, 2, 7, 3}}));
    }

    @Test
    void lstmLearnsWhetherASequenceStartsWithALargeId() {
        // label 1 when the first of 5 ids is at least 5: the LSTM must carry the first step to the end
        NDArray ids = NDArray.randint(7, 10, 200, 5), labels = NDArray.zeros(200, 1);
        for (int i = 0; i < 200; i++) labels.set(ids.get(i, 0) >= 5 ? 1f : 0f, i, 0);
        var in = new Input(5);
        var x = new Embedding(10, 8).apply(in);
        x = new LSTM(8).apply(new Dropout(0.1).seed(3).apply(x));
        Model model = new Model(in, new Dense(1).activation("sigmoid").apply(x));
        Model t = model;
        t.compile(new Adam(0.02), "binary_crossentropy", "accuracy");
        History h = t.fit(ids, labels, 20, 15, new FitOptions().verbose(0).seed(1));
        double[] loss = h.get("loss"), accuracy = h.get("accuracy");
        assertTrue(loss[loss.length - 1] < loss[0] / 3, "loss " + loss[0] + " → " + loss[loss.length - 1]);
        assertTrue(accuracy[accuracy.length - 1] > 0.9, "accuracy " + accuracy[accuracy.length - 1]);
    }
}
