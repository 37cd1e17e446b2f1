package layerwise.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import layerwise.Golden;
import layerwise.error.NnException;
import layerwise.layers.Conv2D;
import layerwise.layers.Dense;
import layerwise.layers.Flatten;
import layerwise.layers.Input;
import layerwise.layers.MaxPooling2D;
import layerwise.layers.Names;
import layerwise.ndarray.NDArray;
import layerwise.ndarray.Shape;

/** A model used as a layer of another: one row in summary(), its layers below it when expanded. */
class NestedModelTest {

    @BeforeEach
    void freshNames() {
        Names.reset();
    }

    /** conv2d 28 → 26 (3·3·1·8 + 8 = 80 params), pool → 13, flatten 13·13·8 = 1352. */
    private static Sequential features() {
        var inner = new Sequential("features");
        inner.add(new Conv2D(8, 3).activation("relu").inputShape(28, 28, 1));
        inner.add(new MaxPooling2D(2));
        inner.add(new Flatten());
        return inner;
    }

    private static Sequential classifier() {
        var outer = new Sequential("classifier");
        outer.add(features());
        outer.add(new Dense(10).activation("softmax")); // 1352·10 + 10 = 13,530
        return outer;
    }

    @Test
    void aNestedModelIsOneRowWithTheSumOfItsParams() {
        Summary s = classifier().summaryTable();
        assertEquals(List.of("features", "dense"), s.rows().stream().map(Summary.Row::name).toList());
        assertEquals(List.of(80L, 13_530L), s.rows().stream().map(Summary.Row::params).toList());
        assertEquals(13_610, s.totalParams());
        assertEquals("Sequential", s.rows().get(0).type());
    }

    @Test
    void expandedSummaryListsTheInnerLayersButCountsThemOnce() {
        Summary s = classifier().summaryTable().expandNested();
        assertEquals(List.of("features", "conv2d", "max_pooling2d", "flatten", "dense"), s.rows().stream().map(Summary.Row::name).toList());
        assertEquals(13_610, s.totalParams());
        Golden.assertMatches(getClass(), "expanded_summary", s.toText());
    }

    @Test
    void explanationShowsTheParamsAsASumOverTheInnerLayers() {
        Golden.assertMatches(getClass(), "explanation", classifier().explanation().toText());
    }

    @Test
    void aModelAppliedInTheFunctionalStyleIsALayer() {
        var in = new Input(28, 28, 1);
        var x = features().apply(in);
        var model = new Model(in, new Dense(10).apply(x));
        assertEquals(Shape.of(10), model.outputShape());
        assertEquals(13_610, model.countParams());
        assertEquals("features (Sequential)", model.summaryTable().rows().get(1).label());
    }

    @Test
    void aNestedModelOnTheWrongInputShapeSaysWhatItWasBuiltFor() {
        var in = new Input(32, 32, 3);
        NnException e = assertThrows(NnException.class, () -> features().apply(in));
        Golden.assertMatches(getClass(), "wrong_input", e.getMessage() + "\n");
    }

    @Test
    void nestedModelsSurviveTheJsonRoundTrip() {
        Model m = classifier();
        assertEquals(m.summaryTable().expandNested().toText(), KerasJson.read(m.toJson()).summaryTable().expandNested().toText());
    }

    @Test
    void readsANestedSequentialFromATf2File() {
        Model m = KerasJson.read(Path.of("src", "test", "resources", "keras", "tf2", "nested_sequential.json"));
        assertEquals(List.of(80L, 13_530L), m.summaryTable().rows().stream().map(Summary.Row::params).toList());
    }

    @Test
    void forwardThroughANestedModelIsTheInnerThenTheOuterLayers() {
        var inner = new Sequential("inner");
        inner.add(new Dense(3).inputShape(4));
        var outer = new Sequential("outer");
        outer.add(inner);
        var last = new Dense(2);
        outer.add(last);
        outer.initialize(42);
        NDArray x = NDArray.ones(5, 4);
        NDArray expected = last.forward(inner.forward(x, false), false);
        assertArrayEquals(expected.data(), outer.forward(x, false).data(), 1e-6f);
    }
}
