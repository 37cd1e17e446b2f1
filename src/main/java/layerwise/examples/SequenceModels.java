package layerwise.examples;

import layerwise.layers.Add;
import layerwise.layers.Dense;
import layerwise.layers.Embedding;
import layerwise.layers.GlobalAveragePooling1D;
import layerwise.layers.Input;
import layerwise.layers.LSTM;
import layerwise.layers.LayerNormalization;
import layerwise.layers.MultiHeadAttention;
import layerwise.layers.SymbolicTensor;
import layerwise.model.Model;

/**
 * Models over sequences of token ids, as a text course builds them: an LSTM classifier and a
 * transformer encoder block. The bench (L and T), notebook 07 and the tests start from these.
 */
public final class SequenceModels {
    private SequenceModels() {}

    /** Embedding(5000, 64), LSTM(64), Dense(1, sigmoid) on sequences of 100 ids: bench L. */
    public static Model textLstm() {
        Input tokens = new Input(100);
        SymbolicTensor x = new Embedding(5000, 64).apply(tokens);
        x = new LSTM(64).apply(x);
        return new Model(tokens, new Dense(1).activation("sigmoid").apply(x));
    }

    /** The encoder block of bench T: 64 ids, a vocabulary of 5,000, 64 features, 4 heads of 16, a 128-wide feed-forward. 353,537 params. */
    public static Model encoderBlock() { return encoderBlock(64, 5000, 64, 4, 16, 128); }

    /**
     * A transformer encoder block on {@code length} token ids, ending in one sigmoid unit:
     * <pre>
     *   x = Embedding(vocabulary, d)(tokens)
     *   x = LayerNormalization()(x + MultiHeadAttention(heads, keyDim)(x, x))
     *   x = LayerNormalization()(x + Dense(d)(Dense(ff, relu)(x)))
     *   y = Dense(1, sigmoid)(GlobalAveragePooling1D()(x))
     * </pre>
     */
    public static Model encoderBlock(int length, int vocabulary, int d, int heads, int keyDim, int ff) {
        Input tokens = new Input(length);
        SymbolicTensor x = new Embedding(vocabulary, d).apply(tokens);
        SymbolicTensor attended = new MultiHeadAttention(heads, keyDim).apply(x, x);
        x = new LayerNormalization().apply(new Add().apply(x, attended));
        SymbolicTensor hidden = new Dense(ff).activation("relu").apply(x);
        SymbolicTensor back = new Dense(d).apply(hidden);
        x = new LayerNormalization().apply(new Add().apply(x, back));
        SymbolicTensor pooled = new GlobalAveragePooling1D().apply(x);
        return new Model(tokens, new Dense(1).activation("sigmoid").apply(pooled));
    }
}
