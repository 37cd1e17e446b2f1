package layerwise.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import layerwise.Golden;
import layerwise.GradCheck;
import layerwise.error.ShapeException;
import layerwise.model.Model;
import layerwise.ndarray.NDArray;
import layerwise.ndarray.Shape;

/** MultiHeadAttention and LayerNormalization: shapes, parameter counts, explanations, errors and gradients. */
class AttentionTest {

    @BeforeEach
    void freshNames() { Names.reset(); }

    /** The encoder block of issue 14 and of bench T: Embedding, attention + residual + norm, feed-forward + residual + norm. */
    static Model encoderBlock() {
        Input in = new Input(64);
        SymbolicTensor x = new Embedding(5000, 64).apply(in);
        x = new LayerNormalization().apply(new Add().apply(x, new MultiHeadAttention(4, 16).apply(x, x)));
        SymbolicTensor hidden = new Dense(128).activation("relu").apply(x);
        SymbolicTensor ff = new Dense(64).apply(hidden);
        x = new LayerNormalization().apply(new Add().apply(x, ff));
        return new Model(in, new Dense(1).activation("sigmoid").apply(new GlobalAveragePooling1D().apply(x)));
    }

    @Test
    void encoderBlockHas353537Params() {
        // 5000·64 + 4·(64·4·16 + 4·16) + 2·64 + (64·128 + 128) + (128·64 + 64) + 2·64 + (64 + 1)
        assertEquals(320_000 + 16_640 + 128 + 8_320 + 8_256 + 128 + 65, encoderBlock().countParams());
        assertEquals(353_537, encoderBlock().countParams());
    }

    @Test
    void encoderBlockSummaryListsBothAttentionInputs() {
        Golden.assertMatches(AttentionTest.class, "encoder_block_summary", encoderBlock().summaryTable().toText());
    }

    @Test
    void attentionExplanationWorksOutEachProjectionAndTheScoreShape() {
        var mha = new MultiHeadAttention(4, 16).valueDim(12).outputShape(24);
        Golden.assertMatches(AttentionTest.class, "cross_attention_explain",
                mha.derivation(List.of(Shape.of(10, 8), Shape.of(6, 5))).explanation().toText());
    }

    @Test
    void valueDimAndOutputShapeChangeTheValueAndOutputProjections() {
        var q = new Input(10, 8);
        var v = new Input(6, 5);
        var out = new MultiHeadAttention(4, 16).valueDim(12).outputShape(24).apply(q, v);
        assertEquals(Shape.of(10, 24), out.shape());
        // query 8·4·16 + 4·16 = 576, key 5·4·16 + 64 = 384, value 5·4·12 + 48 = 288, output 4·12·24 + 24 = 1176
        assertEquals(576 + 384 + 288 + 1176, out.derivation().params());
    }

    @Test
    void aKeyOfItsOwnSizesTheKeyProjection() {
        var out = new MultiHeadAttention(2, 3).apply(new Input(4, 6), new Input(5, 7), new Input(5, 2));
        // query 6·2·3 + 6 = 42, key 2·2·3 + 6 = 18, value 7·2·3 + 6 = 48, output 2·3·6 + 6 = 42
        assertEquals(42 + 18 + 48 + 42, out.derivation().params());
    }

    @Test
    void layerNormalizationKeepsTheShapeWithTwoParamsPerFeature() {
        var d = new LayerNormalization().derivation(Shape.of(7, 32));
        assertEquals(Shape.of(7, 32), d.output());
        assertEquals(64, d.params());
    }

    @Test
    void queryAndValueOfDifferentRanksAreRefusedWithBothShapes() {
        var e = assertThrows(ShapeException.class, () -> new MultiHeadAttention(2, 4).apply(new Input(10, 8), new Input(3, 4, 8)));
        Golden.assertMatches(AttentionTest.class, "rank_mismatch", e.getMessage());
    }

    @Test
    void oneInputIsRefusedWithTheSelfAttentionFix() {
        var e = assertThrows(ShapeException.class, () -> new MultiHeadAttention(2, 4).apply(new SymbolicTensor[] {new Input(10, 8)}));
        Golden.assertMatches(AttentionTest.class, "one_input", e.getMessage());
    }

    @Test
    void causalMaskGivesNoWeightToLaterSteps() {
        var mha = new MultiHeadAttention(2, 3).useCausalMask(true);
        NDArray x = NDArray.normal(1, 2, 4, 6);
        mha.forward(List.of(x, x), false);
        NDArray a = mha.attentionScores();
        assertEquals(0f, a.get(1, 1, 0, 1));
        assertEquals(0f, a.get(0, 0, 2, 3));
        assertEquals(1f, a.get(0, 1, 0, 0), 1e-6);
    }

    @Test
    void attentionMaskZeroesTheForbiddenWeights() {
        var mha = new MultiHeadAttention(1, 2);
        NDArray x = NDArray.normal(2, 1, 3, 4), mask = NDArray.fromArray(new float[] {1, 0, 1, 1, 1, 0, 0, 0, 1}, 1, 3, 3);
        mha.forward(List.of(x, x, x, mask), false);
        assertEquals(0f, mha.attentionScores().get(0, 0, 0, 1));
        assertEquals(0f, mha.attentionScores().get(0, 0, 2, 0));
    }

    /** GradCheck on one input of the layer, the others held fixed. */
    private static void checkInput(MultiHeadAttention mha, NDArray[] inputs, int which) {
        GradCheck.check(new GradCheck.Net() {
            public NDArray forward(NDArray in) {
                NDArray[] args = inputs.clone();
                args[which] = in;
                return mha.forward(List.of(args), true);
            }
            public NDArray backward(NDArray g) { return mha.backwardToInputs(g).get(which); }
            public List<Param> params() { return mha.params(); }
        }, inputs[which]);
    }

    @Test
    void selfAttentionGradientsMatchFiniteDifferences() {
        var mha = new MultiHeadAttention(2, 3);
        GradCheck.check(new GradCheck.Net() {
            public NDArray forward(NDArray in) { return mha.forward(List.of(in, in), true); }
            public NDArray backward(NDArray g) { return mha.backwardToInputs(g).get(0).add(mha.backwardToInputs(g).get(1)); }
            public List<Param> params() { return mha.params(); }
        }, NDArray.normal(3, 2, 4, 5));
    }

    @Test
    void crossAttentionGradientsMatchFiniteDifferencesForQueryValueAndKey() {
        var mha = new MultiHeadAttention(2, 3).valueDim(2).outputShape(4).useCausalMask(true);
        NDArray[] in = {NDArray.normal(4, 2, 3, 5), NDArray.normal(5, 2, 4, 3), NDArray.normal(6, 2, 4, 2)};
        for (int i = 0; i < 3; i++) checkInput(mha, in, i);
    }

    @Test
    void layerNormalizationGradientsMatchFiniteDifferences() {
        var ln = new LayerNormalization();
        ln.initialize(Shape.of(3, 4), new java.util.Random(0));
        ln.setWeights(List.of(NDArray.normal(8, 4), NDArray.normal(9, 4)));
        GradCheck.assertMatches(ln, NDArray.normal(7, 2, 3, 4));
    }
}
