package layerwise.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import layerwise.explain.Derivation;
import layerwise.model.Sequential;
import layerwise.ndarray.Shape;

/** Embedding, SimpleRNN, LSTM, GRU and Bidirectional, worked out by hand from the Keras weight shapes. */
class SequenceLayersTest {

    @BeforeEach
    void freshNames() { Names.reset(); }

    private static Derivation derive(Layer layer, long... in) { return layer.derivation(Shape.of(in)); }

    @Test
    void simpleRnnKeepsOnlyTheLastState() {
        // kernel 32·8, recurrent 8·8, bias 8: 8·(32 + 8 + 1) = 328
        Derivation d = derive(new SimpleRNN(8), 10, 32);
        assertEquals(Shape.of(8), d.output());
        assertEquals(328, d.params());
    }

    @Test
    void simpleRnnWithReturnSequencesKeepsEveryStep() {
        assertEquals(Shape.of(10, 8), derive(new SimpleRNN(8).returnSequences(true), 10, 32).output());
    }

    @Test
    void lstmHasFourGates() {
        // 4·64·(32 + 64 + 1) = 256·97 = 24,832
        Derivation d = derive(new LSTM(64), 10, 32);
        assertEquals(Shape.of(64), d.output());
        assertEquals(24_832, d.params());
    }

    @Test
    void lstmWithReturnSequencesAndUnknownLength() {
        // 4·16·(3 + 16 + 1) = 64·20 = 1280; the unknown number of steps passes through
        Derivation d = derive(new LSTM(16).returnSequences(true), Shape.NONE, 3);
        assertEquals(Shape.of(Shape.NONE, 16), d.output());
        assertEquals(1280, d.params());
    }

    @Test
    void gruResetAfterHasTwoBiasesPerGate() {
        // 3·64·(32 + 64 + 2) = 192·98 = 18,816
        assertEquals(18_816, derive(new GRU(64), 10, 32).params());
    }

    @Test
    void gruWithoutResetAfterHasOneBias() {
        // 3·64·(32 + 64 + 1) = 192·97 = 18,624
        Derivation d = derive(new GRU(64).resetAfter(false).returnSequences(true), 10, 32);
        assertEquals(18_624, d.params());
        assertEquals(Shape.of(10, 64), d.output());
    }

    @Test
    void bidirectionalDoublesTheParamsAndConcatenates() {
        // Keras's IMDB example: Bidirectional(LSTM(64)) on 128 features: 2·4·64·(128 + 64 + 1) = 512·193 = 98,816
        Derivation d = derive(new Bidirectional(new LSTM(64)), Shape.NONE, 128);
        assertEquals(Shape.of(128), d.output());
        assertEquals(98_816, d.params());
    }

    @Test
    void bidirectionalSumKeepsTheUnitsAndTheSteps() {
        // 2·8·(4 + 8 + 1) = 208
        Derivation d = derive(new Bidirectional(new SimpleRNN(8).returnSequences(true)).mergeMode("sum"), 5, 4);
        assertEquals(Shape.of(5, 8), d.output());
        assertEquals(208, d.params());
    }

    @Test
    void embeddingAppendsTheVectorAxis() {
        // 1000·64 = 64,000
        Derivation d = derive(new Embedding(1000, 64), 10);
        assertEquals(Shape.of(10, 64), d.output());
        assertEquals(64_000, d.params());
    }

    @Test
    void embeddingOfAMatrixOfIdsAddsAThirdAxis() {
        assertEquals(Shape.of(4, 5, 8), derive(new Embedding(50, 8), 4, 5).output());
    }

    @Test
    void embeddingFirstInSequentialReadsSequencesOfAnyLength() {
        // tf.keras 2: Embedding without input_length is built on (None, None)
        var model = new Sequential();
        model.add(new Embedding(1000, 64));
        model.add(new LSTM(32));
        assertEquals(Shape.of(Shape.NONE, 64), model.summaryTable().rows().get(0).output());
        // 1000·64 + 4·32·(64 + 32 + 1) = 64,000 + 12,416 = 76,416
        assertEquals(76_416, model.countParams());
    }

    @Test
    void embeddingInputLengthFixesTheSequenceLength() {
        var model = new Sequential();
        model.add(new Embedding(1000, 64).inputLength(10));
        assertEquals(Shape.of(10, 64), model.outputShape());
    }
}
