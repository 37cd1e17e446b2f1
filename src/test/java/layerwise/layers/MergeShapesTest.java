package layerwise.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import layerwise.model.Model;
import layerwise.ndarray.Shape;

/** Concatenate and Add on lists of inputs, worked out by hand. */
class MergeShapesTest {

    @BeforeEach
    void freshNames() { Names.reset(); }

    private static Shape merged(Layer layer, Shape... inputs) { return layer.derivation(List.of(inputs)).output(); }

    @Test
    void concatenateAddsUpTheLastAxis() {
        // 3 + 5 = 8 channels
        assertEquals(Shape.of(4, 4, 8), merged(new Concatenate(), Shape.of(4, 4, 3), Shape.of(4, 4, 5)));
    }

    @Test
    void concatenateAlongAxisOneJoinsTheSteps() {
        // Keras axis 1 = the first axis after the batch: 3 + 5 = 8 steps
        assertEquals(Shape.of(8, 6), merged(new Concatenate(1), Shape.of(3, 6), Shape.of(5, 6)));
    }

    @Test
    void concatenateOfThreeInputs() {
        // 2 + 3 + 4 = 9
        assertEquals(Shape.of(9), merged(new Concatenate(), Shape.of(2), Shape.of(3), Shape.of(4)));
    }

    @Test
    void addKeepsTheCommonShape() {
        assertEquals(Shape.of(4, 4, 8), merged(new Add(), Shape.of(4, 4, 8), Shape.of(4, 4, 8)));
    }

    @Test
    void addStretchesAnAxisOfSizeOne() {
        // as in NumPy broadcasting: 1 stretches to 4
        assertEquals(Shape.of(4, 4, 8), merged(new Add(), Shape.of(4, 4, 8), Shape.of(1, 1, 8)));
    }

    @Test
    void residualBlockInAFunctionalModel() {
        // conv: 3·3·8·8 + 8 = 584, 'same' keeps 16×16, so the shortcut adds cleanly
        var in = new Input(16, 16, 8);
        var x = new Conv2D(8, 3).padding("same").apply(in);
        var out = new Add().apply(in, x);
        Model model = new Model(in, out);
        assertEquals(Shape.of(16, 16, 8), model.outputShape());
        assertEquals(584, model.countParams());
    }
}
