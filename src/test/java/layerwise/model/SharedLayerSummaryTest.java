package layerwise.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import layerwise.Golden;
import layerwise.layers.Concatenate;
import layerwise.layers.Dense;
import layerwise.layers.Input;
import layerwise.layers.Layer;
import layerwise.layers.Names;
import layerwise.ndarray.Shape;

/**
 * A layer object called more than once (a Keras shared layer) is one layer of the model, as in tf.keras 2's
 * summary: one row, its weights counted once, "multiple" when its calls give different output shapes, and
 * every call's inputs under "Connected to" as name[node_index][tensor_index], where node_index says which
 * call of the inbound layer made the tensor. The golden files were written from these rules by hand, with
 * Keras's column ends 32, 53, 65 and 98 of the graph layout (its default positions .33/.55/.67/1 of 98).
 */
class SharedLayerSummaryTest {

    @BeforeEach
    void freshNames() {
        Names.reset();
    }

    /** y = d(d(x)) with one Dense(1) on Input(1). */
    private static Model denseOnItself() {
        var in = new Input(1);
        Dense d = new Dense(1);
        return new Model(in, d.apply(d.apply(in)));
    }

    /** Two inputs of 3 features through one Dense(4), then concatenated: the Siamese pattern. */
    private static Model siamese() {
        var left = new Input("left", 3);
        var right = new Input("right", 3);
        Dense encoder = new Dense(4);
        return new Model(List.of(left, right), List.of(new Concatenate().apply(encoder.apply(left), encoder.apply(right))));
    }

    @Test
    void aLayerAppliedToItsOwnOutputHasOneRowWithBothCallsConnected() {
        // dense: kernel 1×1 + bias 1 = 2 params, once; both calls give (None, 1).
        // Connected to: the first call reads input_1's only call (input_1[0][0]), the second reads
        // the output of dense's first call (dense[0][0]). Total params: 2, not 2 + 2.
        Golden.assertMatches(getClass(), "dense_on_itself", denseOnItself().summaryTable().toText());
    }

    @Test
    void aSiameseModelListsTheSharedEncoderOnceAndConcatenateReadsBothOfItsCalls() {
        // Rows in Keras's order: both inputs (depth 2), dense (depth 1), concatenate (depth 0).
        // dense: 3×4 + 4 = 16 params, once; Concatenate of (None, 4) and (None, 4) gives (None, 8), 0 params.
        // concatenate reads dense's first call (on left) as dense[0][0] and its second (on right) as
        // dense[1][0]. Total params: 16.
        Golden.assertMatches(getClass(), "siamese", siamese().summaryTable().toText());
    }

    @Test
    void aSharedLayerWhoseCallsGiveDifferentShapesShowsMultiple() {
        // Dense(3) on (None, 4) gives (None, 3); on (None, 2, 4) it acts on the last axis: (None, 2, 3).
        // Two shapes, so Keras prints "multiple". Params 4×3 + 3 = 15, once.
        var a = new Input(4);
        var b = new Input(2, 4);
        Dense d = new Dense(3);
        Model m = new Model(List.of(a, b), List.of(d.apply(a), d.apply(b)));
        Golden.assertMatches(getClass(), "multiple_shapes", m.summaryTable().toText());
    }

    @Test
    void countParamsCountsASharedLayerOnce() {
        // one Dense(1) on 1 feature: 1×1 + 1 = 2, however often it is called
        assertEquals(2, denseOnItself().countParams());
    }

    @Test
    void countParamsOfASiameseModelCountsTheEncoderOnce() {
        // one Dense(4) on 3 features: 3×4 + 4 = 16; Concatenate has none
        assertEquals(16, siamese().countParams());
    }

    @Test
    void aSharedLayerMakesTheSummaryUseTheGraphLayout() {
        // a chain of calls, but one layer has two inbound nodes: Keras's print_summary is then not sequential-like
        assertFalse(denseOnItself().isSequentialLike());
    }

    @Test
    void layersListsASharedLayerOnce() {
        assertEquals(List.of("left", "right", "dense", "concatenate"), siamese().layers().stream().map(Layer::name).toList());
    }

    @Test
    void aSharedLayerTakesTheDepthOfItsDeepestCallAndPushesItsOtherCallsInputsDown() {
        // outputs [d(x), g(d(y))]. Keras walks back from the last node found: g depth 0, d's call on y 1,
        // y 2; then d's call on x takes d's depth 1 (not 0), so x gets 2, like y. Equal depths keep the
        // order first met from the outputs (dense, input_1, dense_1, input_2): input_1, input_2, dense, dense_1.
        // Without the push, x would be at depth 1 and come after y.
        var x = new Input(2);
        var y = new Input(2);
        Dense d = new Dense(2);
        Dense g = new Dense(1);
        Model m = new Model(List.of(x, y), List.of(d.apply(x), g.apply(d.apply(y))));
        assertEquals(List.of("input_1", "input_2", "dense", "dense_1"), m.layers().stream().map(Layer::name).toList());
    }

    @Test
    void shapeInferenceStillGivesEachCallItsOwnShape() {
        var a = new Input(4);
        var b = new Input(2, 4);
        Dense d = new Dense(3);
        assertEquals(List.of(Shape.of(3), Shape.of(2, 3)), List.of(d.apply(a).shape(), d.apply(b).shape()));
    }

    @Test
    void explainShowsEveryCallAndAddsTheSharedWeightsOnce() {
        String text = denseOnItself().explanation().toText();
        assertEquals(2, text.split("dense \\(Dense\\)", -1).length - 1, text);
        List<String> footer = text.lines().filter(l -> l.startsWith("Total params") || l.contains("shared layer")).toList();
        assertEquals(List.of("Total params = 2 (trainable 2, non-trainable 0)",
                "dense is called 2 times (a shared layer): its calls use the same weights, counted once"), footer);
    }
}
