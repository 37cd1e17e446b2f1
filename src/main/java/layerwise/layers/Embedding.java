package layerwise.layers;

import java.util.Map;

import layerwise.error.Problem;
import layerwise.error.ShapeException;
import layerwise.explain.Derivation;
import layerwise.explain.Expr;
import layerwise.ndarray.Shape;

/**
 * A lookup table: each integer id from 0 to input_dim − 1 is replaced by its own learned vector of
 * output_dim numbers. params = input_dim×output_dim.
 * Input shape: (…) of integer ids, any rank. Output shape: (…, output_dim).
 */
public final class Embedding extends FluentLayer<Embedding> {
    private final int inputDim, outputDim;
    private Integer inputLength;
    private boolean maskZero, explicitInputShape;

    /** {@code new Embedding(10000, 64)}: a vocabulary of 10,000 ids, each mapped to 64 numbers. */
    public Embedding(int inputDim, int outputDim) {
        this.inputDim = Options.positive(label(), "input_dim", inputDim)[0];
        this.outputDim = Options.positive(label(), "output_dim", outputDim)[0];
        // tf.keras 2 gives an Embedding the input shape (None,) when none is given: sequences of any length.
        setDeclaredInput(Shape.of(Shape.NONE));
    }

    /** The length of every input sequence; a Sequential model then starts from input (None, length). */
    public Embedding inputLength(int length) {
        inputLength = Options.positive(label(), "input_length", length)[0];
        if (!explicitInputShape) setDeclaredInput(Shape.of(length));
        return this;
    }

    @Override
    public Embedding inputShape(long... dims) {
        explicitInputShape = true;
        return super.inputShape(dims);
    }

    /** Whether id 0 means "padding": later layers that understand masks then skip those steps. */
    public Embedding maskZero(boolean m) { checkNotBuilt(); maskZero = m; return this; }

    public int inputDim() { return inputDim; }
    public int outputDim() { return outputDim; }
    /** The declared sequence length, or null. */
    public Integer inputLength() { return inputLength; }
    public boolean maskZero() { return maskZero; }

    @Override
    protected Derivation derive(Shape in) {
        if (inputLength != null && (in.rank() != 1 || (in.isKnown(0) && in.dim(0) != inputLength))) {
            throw new ShapeException(Problem.at(label())
                    .headline("\"input_length\" is " + inputLength + ", but received input has shape " + in.withBatch())
                    .expected("input (None, " + inputLength + "): sequences of " + inputLength + " ids").got(in.withBatch())
                    .fix("make input_length match the data, or leave it out"));
        }
        Derivation d = start(in).note("replaces each integer id (0 to " + (inputDim - 1) + ") by its row in a table of "
                + String.format("%,d", inputDim) + " rows × " + outputDim + " numbers; the ids' axes stay, and a new last axis of "
                + outputDim + " is added");
        for (int i = 0; i < in.rank(); i++) d.keep("axis " + (i + 1), in.dim(i));
        Expr out = Expr.var("output_dim", outputDim);
        d.dim("embedding", "", out, "one vector per id");
        return d.params(Expr.var("input_dim", inputDim).times(out), "one learned row of " + outputDim + " numbers per possible id");
    }

    @Override
    protected void addConfig(Map<String, Object> c) {
        c.put("input_dim", inputDim);
        c.put("output_dim", outputDim);
        c.put("mask_zero", maskZero);
        c.put("input_length", inputLength);
    }
}
