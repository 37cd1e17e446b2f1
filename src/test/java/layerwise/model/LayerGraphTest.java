package layerwise.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import layerwise.error.ConfigException;
import layerwise.error.ShapeException;
import layerwise.layers.Conv2D;
import layerwise.layers.Dense;
import layerwise.layers.Input;
import layerwise.ndarray.NDArray;
import layerwise.ndarray.Shape;

/** When a model's shapes are known, and what it refuses, with an explanation, before then. */
class LayerGraphTest {

    @Test
    void functionalModelIsBuiltAsSoonAsItIsMade() {
        var in = new Input(4);
        var model = new Model(in, new Dense(3).apply(in));
        assertTrue(model.isBuilt());
    }

    @Test
    void sequentialIsBuiltOnceItKnowsItsInputShape() {
        var model = new Sequential();
        model.add(new Dense(3));
        assertFalse(model.isBuilt());
        model.build(4);
        assertTrue(model.isBuilt());
    }

    @Test
    void failedBuildLeavesTheModelUnbuiltSoThatBuildCanBeCalledAgain() {
        var model = new Sequential();
        model.add(new Conv2D(4, 3));
        assertThrows(ShapeException.class, () -> model.build(28, 28));
        assertFalse(model.isBuilt());
        model.build(28, 28, 1);
        assertEquals(Shape.of(26, 26, 4), model.outputShape());
    }

    @Test
    void unbuiltSequentialRefusesEveryShapeViewWithTheSameExplanation() {
        var model = new Sequential();
        model.add(new Dense(3));
        assertAllRefused(List.of(model::summaryTable, model::explanation, model::backwardExplanation,
                model::diagram, model::inputShape, model::outputShape, model::toJson, () -> model.lint("mse")));
        assertEquals(1, model.layers().size());
    }

    @Test
    void unbuiltSequentialRefusesDataWithTheSameExplanation() {
        var model = new Sequential();
        model.add(new Dense(3));
        model.compile("sgd", "mse");
        NDArray x = NDArray.zeros(2, 4), y = NDArray.zeros(2, 3);
        assertAllRefused(List.of(() -> model.predict(x), () -> model.forward(x, false), () -> model.trace(x),
                () -> model.fit(x, y, 2, 1), () -> model.evaluate(x, y), () -> model.explainStep(x, y)));
    }

    private static void assertAllRefused(List<Executable> calls) {
        for (Executable call : calls) {
            var e = assertThrows(ConfigException.class, call);
            assertTrue(e.getMessage().startsWith("This model has not yet been built."), e.getMessage());
        }
    }
}
