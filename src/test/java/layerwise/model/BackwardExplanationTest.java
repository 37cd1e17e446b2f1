package layerwise.model;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import layerwise.Golden;
import layerwise.examples.SeedModels;
import layerwise.layers.BatchNormalization;
import layerwise.layers.Dense;
import layerwise.layers.Embedding;
import layerwise.layers.Flatten;
import layerwise.layers.Input;
import layerwise.layers.LSTM;
import layerwise.layers.Names;

/** The backward pass, printed: from the loss back to the input, compared with reviewed golden text. */
class BackwardExplanationTest {

    @BeforeEach
    void freshNames() { Names.reset(); }

    @Test
    void seed003BackwardAsText() {
        Golden.assertMatches(getClass(), "seed003_backward", SeedModels.threeConvBlocks().backwardExplanation().toText());
    }

    @Test
    void seed003BackwardAsMarkdown() {
        Golden.assertMatches(getClass(), "seed003_backward_markdown", SeedModels.threeConvBlocks().backwardExplanation().toMarkdown());
    }

    @Test
    void sequenceModelWithSparseLossAsText() {
        var in = new Input(6);
        var x = new Embedding(50, 8).apply(in);
        x = new LSTM(4).apply(x);
        x = new BatchNormalization().apply(x);
        Model model = new Model(in, new Dense(3).activation("softmax").apply(x));
        Golden.assertMatches(getClass(), "sequence_backward", model.backwardExplanation("sparse_categorical_crossentropy").toText());
    }

    @Test
    void htmlNeedsNoMathJax() {
        var in = new Input(28, 28, 1);
        Model model = new Model(in, new Dense(10).activation("softmax").apply(new Flatten().apply(in)));
        String html = model.backwardExplanation().toHtml() + model.explanation().toHtml();
        assertFalse(html.contains("$") || html.contains("\\frac"), html);
        assertTrue(html.contains("∂L/∂W = xᵀ · ∂L/∂z"), html);
    }
}
