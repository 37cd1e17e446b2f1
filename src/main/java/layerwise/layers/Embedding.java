package layerwise.layers;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import layerwise.error.Problem;
import layerwise.error.ShapeException;
import layerwise.explain.Derivation;
import layerwise.explain.Expr;
import layerwise.ndarray.NDArray;
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
    private Param embeddings;
    private int[] savedIds, savedDims;

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

    /** Backward: each row of the table collects the gradients of the places its id was used. */
    @Override
    protected Derivation deriveBackward(Shape in) {
        Derivation d = startBackward(in);
        d.gradient(Gradients.weight("embeddings", "E", Gradients.rule("row id += ∂L/∂y at every position holding that id",
                "\\frac{\\partial L}{\\partial E_{\\mathrm{id}}} = \\sum_{t: x_t = \\mathrm{id}} \\frac{\\partial L}{\\partial y_t}"),
                List.of(Expr.var("input_dim", inputDim), Expr.var("output_dim", outputDim)),
                "the lookup copied rows of the table: only the rows of ids in the batch get a gradient; the others get 0 and do not move"));
        return d.gradient(Gradients.input(in, Gradients.rule("0", "0"), "ids are whole numbers picked, not computed: nothing flows back to them"));
    }

    /** Keras's default "uniform" initializer: every entry from U(−0.05, 0.05). */
    @Override
    public void initialize(Shape in, Random rng) {
        embeddings = Param.of("embeddings", Initializers.create("random_uniform", rng, inputDim, outputDim, inputDim, outputDim));
    }

    @Override public boolean isInitialized() { return embeddings != null; }

    @Override public List<Param> params() { return embeddings == null ? List.of() : List.of(embeddings); }

    /** Copies row id of the table for every id; the ids arrive as floats and are rounded to whole numbers. */
    @Override
    public NDArray forward(NDArray x, boolean training) {
        if (embeddings == null) initialize(sampleShape(x), new Random(0));
        float[] ids = x.data(), table = embeddings.value().data(), out = new float[ids.length * outputDim];
        savedIds = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            savedIds[i] = id(ids[i], i, x);
            System.arraycopy(table, savedIds[i] * outputDim, out, i * outputDim, outputDim);
        }
        savedDims = x.dims();
        int[] dims = Arrays.copyOf(savedDims, savedDims.length + 1);
        dims[savedDims.length] = outputDim;
        return NDArray.wrap(out, dims);
    }

    /** Each row of the table collects the gradients of every place its id was used; ids get no gradient. */
    @Override
    public NDArray backward(NDArray gradOut) {
        float[] g = gradOut.data(), grad = embeddings.grad().data();
        Arrays.fill(grad, 0f);
        for (int i = 0; i < savedIds.length; i++) {
            for (int k = 0; k < outputDim; k++) grad[savedIds[i] * outputDim + k] += g[i * outputDim + k];
        }
        return NDArray.zeros(savedDims);
    }

    private int id(float value, int flat, NDArray x) {
        long id = Math.round(value);
        if (id >= 0 && id < inputDim) return (int) id;
        throw new ShapeException(Problem.at(label())
                .headline("indices[" + flat + "] = " + id + " is not in [0, " + inputDim + ")")
                .expected("integer ids from 0 to input_dim − 1 = " + (inputDim - 1)).got("id " + id + " in a batch of shape " + x.shape())
                .why("the table has one row per id, " + inputDim + " rows in all; id " + id + " has no row")
                .fix("make input_dim at least the largest id + 1 (the vocabulary size), or map rare words to an id below " + inputDim));
    }

    @Override
    protected void addConfig(Map<String, Object> c) {
        c.put("input_dim", inputDim);
        c.put("output_dim", outputDim);
        c.put("mask_zero", maskZero);
        c.put("input_length", inputLength);
    }

    @Override public Role role() { return Role.DENSE; }
}
