package layerwise.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import layerwise.layers.Concatenate;
import layerwise.layers.Dense;
import layerwise.layers.Input;
import layerwise.layers.Layer;
import layerwise.layers.Names;

/** model.layers in the order tf.keras lists them: by depth from the outputs, then by first meeting. */
class LayerOrderTest {

    @BeforeEach
    void freshNames() {
        Names.reset();
    }

    @Test
    void bothInputsOfATwoInputModelComeFirst() {
        var a = new Input(4);
        var b = new Input(6);
        var left = new Dense(3).apply(a);
        var right = new Dense(5).apply(b);
        var out = new Dense(1).apply(new Concatenate().apply(left, right));
        var model = new Model(List.of(a, b), List.of(out));
        // Depths from the output: dense_2 0, concatenate 1, dense and dense_1 2, input_1 and input_2 3.
        // Equal depths keep the order a walk back from the output meets them: left branch first.
        assertEquals(List.of("input_1", "input_2", "dense", "dense_1", "concatenate", "dense_2"),
                model.layers().stream().map(Layer::name).toList());
    }

    @Test
    void anInputJoiningLateSitsAtItsOwnDepth() {
        var a = new Input(4);
        var b = new Input(2);
        var x = new Dense(3).apply(a);
        x = new Dense(3).apply(x);
        var out = new Concatenate().apply(x, b);
        var model = new Model(List.of(a, b), List.of(out));
        // concatenate 0; dense_1 and input_2 1; dense 2; input_1 3.
        assertEquals(List.of("input_1", "dense", "dense_1", "input_2", "concatenate"),
                model.layers().stream().map(Layer::name).toList());
    }
}
