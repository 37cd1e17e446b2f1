package layerwise.model;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import layerwise.Golden;
import layerwise.examples.SeedModels;
import layerwise.examples.SequenceModels;
import layerwise.layers.BatchNormalization;
import layerwise.layers.Cropping2D;
import layerwise.layers.Dense;
import layerwise.layers.Embedding;
import layerwise.layers.Flatten;
import layerwise.layers.Input;
import layerwise.layers.LSTM;
import layerwise.layers.LayerNormalization;
import layerwise.layers.MultiHeadAttention;
import layerwise.layers.Names;
import layerwise.layers.Softmax;
import layerwise.layers.TimeDistributed;
import layerwise.ndarray.Shape;

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
    void encoderBlockBackwardAsText() {
        Golden.assertMatches(getClass(), "encoder_block_backward", SequenceModels.encoderBlock(8, 50, 16, 2, 4, 32).backwardExplanation().toText());
    }

    @Test
    void layerNormalizationGoesBackThroughEachPositionsMeanAndVariance() {
        Golden.assertMatches(getClass(), "layer_normalization_backward", new LayerNormalization().explainBackward(Shape.of(10, 64)).toText());
    }

    @Test
    void multiHeadAttentionSizesEveryProjectionsGradient() {
        var attention = new MultiHeadAttention(4, 16);
        Golden.assertMatches(getClass(), "multi_head_attention_backward",
                attention.backwardDerivation(List.of(Shape.of(10, 64), Shape.of(12, 64), Shape.of(12, 32))).explanation().toText());
    }

    @Test
    void softmaxBackwardIsNotElementwise() {
        Golden.assertMatches(getClass(), "softmax_backward", new Softmax().explainBackward(Shape.of(5, 10)).toText());
    }

    @Test
    void croppingGivesTheCutPositionsNoGradient() {
        Golden.assertMatches(getClass(), "cropping2d_backward", new Cropping2D(1).explainBackward(Shape.of(6, 6, 2)).toText());
    }

    @Test
    void timeDistributedFoldsTheStepsIntoTheBatch() {
        Golden.assertMatches(getClass(), "time_distributed_backward", new TimeDistributed(new Dense(3)).explainBackward(Shape.of(4, 5)).toText());
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
