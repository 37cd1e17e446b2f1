package layerwise.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import layerwise.Golden;
import layerwise.error.ConfigException;
import layerwise.layers.Concatenate;
import layerwise.layers.Dense;
import layerwise.layers.Input;
import layerwise.layers.Names;
import layerwise.model.Model;
import layerwise.ndarray.NDArray;

/**
 * A layer called twice in one model (a Keras shared layer) would train on wrong gradients, so fit and
 * backward refuse it with an explanation, while forward-only uses keep working.
 */
class SharedLayerTrainingTest {

    @BeforeEach
    void freshNames() {
        Names.reset();
    }

    /** y = d(d(x)) with one Dense(1): kernel 2, bias 1, so y = 2·(2x + 1) + 1 = 4x + 3. */
    private static Model denseTwiceOnItself() {
        var in = new Input(1);
        Dense d = new Dense(1);
        Model m = new Model(in, d.apply(d.apply(in)));
        m.initialize(0);
        d.params().get(0).value().data()[0] = 2f;
        d.params().get(1).value().data()[0] = 1f;
        return m;
    }

    /** Two inputs through one Dense(4), then joined: the Siamese pattern. */
    private static Model siamese() {
        var left = new Input("left", 3);
        var right = new Input("right", 3);
        Dense encoder = new Dense(4).activation("relu");
        var joined = new Concatenate().apply(encoder.apply(left), encoder.apply(right));
        return new Model(List.of(left, right), List.of(new Dense(1).activation("sigmoid").apply(joined)));
    }

    private static Model compiled(Model m) {
        m.compile(new SGD(0.1), "mse");
        return m;
    }

    @Test
    void fitOnALayerAppliedToItsOwnOutputIsRefusedWithTheExplainedError() {
        Model t = compiled(denseTwiceOnItself());
        var e = assertThrows(ConfigException.class, () -> t.fit(NDArray.of(new float[][] {{1}, {2}}), NDArray.of(new float[][] {{0}, {0}}), 2, 1));
        Golden.assertMatches(getClass(), "dense_on_itself", e.getMessage() + "\n");
    }

    @Test
    void fitOnASiameseModelIsRefusedWithTheExplainedError() {
        Model t = compiled(siamese());
        var e = assertThrows(ConfigException.class, () -> t.fit(NDArray.zeros(2, 3), NDArray.zeros(2, 1), 2, 1));
        Golden.assertMatches(getClass(), "siamese", e.getMessage() + "\n");
    }

    @Test
    void aNestedModelCalledTwiceIsRefusedAsOneSharedLayer() {
        var innerIn = new Input(2);
        Model encoder = new Model("encoder", List.of(innerIn), List.of(new Dense(2).apply(innerIn)));
        var in = new Input(2);
        Model outer = new Model(in, encoder.apply(encoder.apply(in)));
        var e = assertThrows(ConfigException.class, () -> compiled(outer).fit(NDArray.zeros(2, 2), NDArray.zeros(2, 2), 2, 1));
        assertEquals("encoder (Functional)", e.where());
        assertEquals("give each use its own layer (build encoder twice, each from new layers) to train,"
                + " or use Layerwise only for summary() and explain() of this model", e.fix());
    }

    @Test
    void aLayerSharedInsideANestedModelIsRefused() {
        var innerIn = new Input(2);
        Dense d = new Dense(2);
        Model inner = new Model("inner", List.of(innerIn), List.of(d.apply(d.apply(innerIn))));
        var in = new Input(2);
        Model outer = new Model(in, new Dense(1).apply(inner.apply(in)));
        var e = assertThrows(ConfigException.class, () -> compiled(outer).fit(NDArray.zeros(2, 2), NDArray.zeros(2, 1), 2, 1));
        assertEquals(d.label(), e.where());
    }

    @Test
    void backwardOnAModelWithASharedLayerIsRefused() {
        Model m = denseTwiceOnItself();
        m.forward(NDArray.of(new float[][] {{1}}), true);
        var e = assertThrows(ConfigException.class, () -> m.backward(NDArray.of(new float[][] {{1}})));
        assertTrue(e.getMessage().startsWith("Layer \"dense\" is called 2 times in model \""), e.getMessage());
    }

    @Test
    void predictOnAModelWithASharedLayerStillWorks() {
        // 4x + 3 at x = 1 and x = 2
        NDArray y = compiled(denseTwiceOnItself()).predict(NDArray.of(new float[][] {{1}, {2}}));
        assertArrayEquals(new float[] {7, 11}, y.toFloatArray(), 1e-6f);
    }

    @Test
    void evaluateOnAModelWithASharedLayerStillWorks() {
        // predictions 7 and 11 against targets 7 and 10: mse = (0² + 1²) / 2 = 0.5
        Model t = compiled(denseTwiceOnItself());
        double loss = t.evaluate(NDArray.of(new float[][] {{1}, {2}}), NDArray.of(new float[][] {{7}, {10}})).get("loss");
        assertEquals(0.5, loss, 1e-6);
    }

    @Test
    void aFunctionalModelWithoutSharedLayersStillTrains() {
        // target y = x1 + x2: two separate Dense layers learn it down to a small mse
        var in = new Input(2);
        Model m = new Model(in, new Dense(1).apply(new Dense(3).apply(in)));
        NDArray x = NDArray.random(5, 64, 2), y = x.sum(1).reshape(64, 1);
        History h = compiled(m).fit(x, y, 16, 20, new FitOptions().verbose(0).seed(3));
        double[] loss = h.get("loss");
        assertTrue(loss[19] < loss[0] / 4, "loss from " + loss[0] + " to " + loss[19]);
    }
}
