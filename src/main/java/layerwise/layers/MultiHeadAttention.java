package layerwise.layers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import layerwise.explain.Derivation;
import layerwise.ndarray.NDArray;
import layerwise.ndarray.Shape;

/**
 * Multi-head attention: each of the heads projects the query, key and value to a few numbers of its
 * own, lets every query step take a softmax-weighted average of the value steps, and one output
 * projection joins the heads again.
 * params = 2·(d·h·k + h·k) + (d_v·h·v + h·v) + (h·v·d_out + d_out) (with the query, key, value dims).
 * Input shape: query (T_q, d_query), value (T_k, d_value), optional key (T_k, d_key) and
 * attention mask (T_q, T_k). Output shape: (T_q, d_out), d_out = output_shape or d_query.
 * <pre>Vaswani et al., Attention Is All You Need, NeurIPS 2017.</pre>
 */
public final class MultiHeadAttention extends FluentLayer<MultiHeadAttention> {
    private static final float LARGE_NEGATIVE = -1e9f;
    private final int numHeads, keyDim;
    private Integer valueDim, outputShape;
    private boolean useBias = true, useCausalMask;
    private double dropout;
    private List<Shape> firstInputs;
    private Projection query, key, value, output;
    private ScaledDotProduct attention;
    private final Random dropoutRng = new Random(0);
    private int savedInputs, savedBatch, savedTq, savedTk;

    /** {@code new MultiHeadAttention(4, 16)}: 4 heads, each with query and key vectors of 16 numbers. */
    public MultiHeadAttention(int numHeads, int keyDim) {
        this.numHeads = Options.positive(label(), "num_heads", numHeads)[0];
        this.keyDim = Options.positive(label(), "key_dim", keyDim)[0];
    }

    /** Numbers per head in the value projection; Keras's default is key_dim. */
    public MultiHeadAttention valueDim(int v) { checkNotBuilt(); valueDim = Options.positive(label(), "value_dim", v)[0]; return this; }
    /** Size of the last output axis; by default the query's last axis. */
    public MultiHeadAttention outputShape(int d) { checkNotBuilt(); outputShape = Options.positive(label(), "output_shape", d)[0]; return this; }
    public MultiHeadAttention useBias(boolean b) { checkNotBuilt(); useBias = b; return this; }
    /** Each query step attends only to key steps at or before it (a decoder's mask). Keras passes it at call time. */
    public MultiHeadAttention useCausalMask(boolean c) { checkNotBuilt(); useCausalMask = c; return this; }
    /** Drops attention weights at this rate while training. */
    public MultiHeadAttention dropout(double rate) { checkNotBuilt(); dropout = Options.rate(label(), "dropout", rate); return this; }

    public int numHeads() { return numHeads; }
    public int keyDim() { return keyDim; }
    public int valueDim() { return valueDim == null ? keyDim : valueDim; }
    public boolean useCausalMask() { return useCausalMask; }

    /** Self-attention is {@code apply(x, x)}; cross-attention reads another sequence as the value. */
    public SymbolicTensor apply(SymbolicTensor query, SymbolicTensor value) { return apply(new SymbolicTensor[] {query, value}); }

    public SymbolicTensor apply(SymbolicTensor query, SymbolicTensor value, SymbolicTensor key) {
        return apply(new SymbolicTensor[] {query, value, key});
    }

    /** With a mask of shape (T_q, T_k): 1 where query step i may attend to key step j, 0 where not. */
    public SymbolicTensor apply(SymbolicTensor query, SymbolicTensor value, SymbolicTensor key, SymbolicTensor attentionMask) {
        return apply(new SymbolicTensor[] {query, value, key, attentionMask});
    }

    @Override
    public SymbolicTensor apply(SymbolicTensor... inputs) {
        SymbolicTensor out = super.apply(inputs);
        if (firstInputs == null) firstInputs = Arrays.stream(inputs).map(SymbolicTensor::shape).toList();
        return out;
    }

    /** Keras's names for the inputs of call(), in order. */
    @Override
    public List<String> keywordInputs() { return List.of("query", "value", "key", "attention_mask"); }

    @Override
    public Map<String, Object> callArguments() { return useCausalMask ? Map.of("use_causal_mask", true) : Map.of(); }

    @Override
    protected Derivation derive(List<Shape> inputs) {
        return new AttentionShapes(this, outputShape).derive(inputs, useBias);
    }

    @Override
    protected Derivation derive(Shape in) { return derive(List.of(in)); }

    /** Backward from the output projection to the query, value and key; see {@link AttentionGradients}. */
    @Override
    protected Derivation deriveBackward(List<Shape> inputs) {
        AttentionShapes shapes = new AttentionShapes(this, outputShape);
        return new AttentionGradients(this, shapes.sizes(inputs), useBias).derive(inputs, derive(inputs).output(), dropout > 0);
    }

    @Override
    public void initialize(Shape in, Random rng) {
        List<Shape> shapes = firstInputs != null ? firstInputs : List.of(in, in);
        long dq = shapes.get(0).last(), dv = shapes.get(1).last(), dk = shapes.size() > 2 ? shapes.get(2).last() : dv;
        int h = numHeads, v = valueDim(), dOut = outputShape != null ? outputShape : (int) dq;
        query = new Projection("query", new int[] {(int) dq, h, keyDim}, (int) dq, h * keyDim, new int[] {h, keyDim}, useBias, rng);
        key = new Projection("key", new int[] {(int) dk, h, keyDim}, (int) dk, h * keyDim, new int[] {h, keyDim}, useBias, rng);
        value = new Projection("value", new int[] {(int) dv, h, v}, (int) dv, h * v, new int[] {h, v}, useBias, rng);
        output = new Projection("attention_output", new int[] {h, v, dOut}, h * v, dOut, new int[] {dOut}, useBias, rng);
        attention = new ScaledDotProduct(keyDim);
    }

    @Override public boolean isInitialized() { return query != null; }

    /** Keras's get_weights order: query, key, value, output; each kernel then bias. */
    @Override
    public List<Param> params() {
        if (query == null) return List.of();
        List<Param> ps = new ArrayList<>();
        for (Projection p : List.of(query, key, value, output)) ps.addAll(Param.present(p.kernel(), p.bias()));
        return ps;
    }

    /** Inputs: query, value, then optionally key and attention mask, each with the batch axis first. */
    @Override
    public NDArray forward(List<NDArray> inputs, boolean training) {
        List<Shape> shapes = inputs.stream().map(Layer::sampleShape).toList();
        derive(shapes);
        if (query == null) {
            firstInputs = firstInputs != null ? firstInputs : shapes;
            initialize(shapes.get(0), new Random(0));
        }
        NDArray q = inputs.get(0), v = inputs.get(1), k = inputs.size() > 2 ? inputs.get(2) : v;
        savedInputs = inputs.size();
        savedBatch = q.dim(0);
        savedTq = q.dim(1);
        savedTk = v.dim(1);
        NDArray qh = heads(query.forward(rows(q)), savedTq, keyDim);
        NDArray kh = heads(key.forward(rows(k)), savedTk, keyDim);
        NDArray vh = heads(value.forward(rows(v)), savedTk, valueDim());
        NDArray mask = inputs.size() > 3 ? inputs.get(3) : null;
        NDArray context = attention.forward(qh, kh, vh, adder(mask), training ? (float) dropout : 0f, dropoutRng);
        return output.forward(joinHeads(context)).reshape(savedBatch, savedTq, -1);
    }

    /** The attention weights of the last forward, (batch, heads, T_q, T_k): Keras's return_attention_scores. */
    public NDArray attentionScores() { return attention.weights(); }

    /** Back through the output projection, the attention, then each input projection. */
    @Override
    public List<NDArray> backwardToInputs(NDArray gradOut) {
        NDArray dContext = heads(output.backward(gradOut.reshape(savedBatch * savedTq, -1)), savedTq, valueDim());
        NDArray[] d = attention.backward(dContext);
        NDArray dq = query.backward(joinHeads(d[0])).reshape(savedBatch, savedTq, -1);
        NDArray dk = key.backward(joinHeads(d[1])).reshape(savedBatch, savedTk, -1);
        NDArray dv = value.backward(joinHeads(d[2])).reshape(savedBatch, savedTk, -1);
        if (savedInputs == 2) return List.of(dq, dv.addInPlace(dk, 1f));
        return savedInputs == 3 ? List.of(dq, dv, dk) : Arrays.asList(dq, dv, dk, null);
    }

    /** (batch, T, d) → (batch·T, d): every step of every sample is one row of the projection. */
    private static NDArray rows(NDArray x) { return x.reshape(x.dim(0) * x.dim(1), x.dim(2)); }

    /** (batch·T, heads·size) → (batch, heads, T, size), a view. */
    private NDArray heads(NDArray rows, int t, int size) { return rows.reshape(savedBatch, t, numHeads, size).permute(0, 2, 1, 3); }

    /** (batch, heads, T, size) → (batch·T, heads·size). */
    private static NDArray joinHeads(NDArray x) { return x.permute(0, 2, 1, 3).reshape(x.dim(0) * x.dim(2), -1); }

    /** −10⁹ where the causal mask or the given mask forbids attending, 0 elsewhere; null when nothing is masked. */
    private NDArray adder(NDArray mask) {
        if (mask == null && !useCausalMask) return null;
        NDArray allowed = mask == null ? NDArray.ones(1, 1, savedTq, savedTk) : mask.reshape(savedBatch, 1, savedTq, savedTk);
        if (useCausalMask) allowed = allowed.mul(causal(savedTq, savedTk));
        return allowed.map(a -> (1 - a) * LARGE_NEGATIVE);
    }

    /** 1 where key step j ≤ query step i (a lower triangle), as Keras's causal mask. */
    private static NDArray causal(int tq, int tk) {
        NDArray m = NDArray.zeros(tq, tk);
        for (int i = 0; i < tq; i++) for (int j = 0; j <= i && j < tk; j++) m.set(1f, i, j);
        return m;
    }

    @Override
    protected void addConfig(Map<String, Object> c) {
        c.put("num_heads", numHeads);
        c.put("key_dim", keyDim);
        c.put("value_dim", valueDim());
        c.put("dropout", dropout);
        c.put("use_bias", useBias);
        c.put("output_shape", outputShape);
        c.put("attention_axes", null);
    }

    @Override public Role role() { return Role.SEQUENCE; }
}
