package layerwise.layers;

import java.util.Map;

import layerwise.error.Problem;
import layerwise.error.ShapeException;
import layerwise.explain.Derivation;
import layerwise.explain.Expr;
import layerwise.ndarray.Shape;

/**
 * What SimpleRNN, LSTM and GRU share: they read a sequence one step at a time, carrying a state of
 * {@code units} numbers from step to step; each gate has d input weights, u recurrent weights and a bias
 * per unit. Input shape: (timesteps, d). Output shape: (u,), or (timesteps, u) with return_sequences.
 */
public abstract class Recurrent<L extends Recurrent<L>> extends FluentLayer<L> {
    protected final int units;
    protected String activation = "tanh";
    protected boolean useBias = true, returnSequences, goBackwards;

    protected Recurrent(int units) {
        this.units = Options.positive(label(), "units", units)[0];
    }

    public L activation(String a) { checkNotBuilt(); activation = Activations.check(label(), a); return self(); }
    public L useBias(boolean b) { checkNotBuilt(); useBias = b; return self(); }
    /** True: output the state after every step, (timesteps, u); false (default): only after the last, (u,). */
    public L returnSequences(boolean r) { checkNotBuilt(); returnSequences = r; return self(); }
    /** Read the sequence from the last step to the first. */
    public L goBackwards(boolean g) { checkNotBuilt(); goBackwards = g; return self(); }

    public int units() { return units; }
    public String activation() { return activation; }
    public boolean useBias() { return useBias; }
    public boolean returnSequences() { return returnSequences; }
    public boolean goBackwards() { return goBackwards; }

    /** The parameter count for d input features, as a formula in d and u. */
    abstract Expr paramCount(long d);

    /** Why the formula has the terms it has, for a learner. */
    abstract String paramNote();

    /** The state carried between steps, e.g. "a hidden state h" or "h and a cell state c". */
    abstract String stateText();

    @Override
    protected Derivation derive(Shape in) {
        requireRank(in, 2, "(timesteps, features)", "an RNN reads a sequence: give each sample the shape (timesteps, features), "
                + (in.rank() == 1 ? "e.g. Reshape to " + Shape.of(in.dim(0), 1) + " for one feature per step" : "e.g. Reshape or TimeDistributed first"));
        if (!in.isKnown(1)) {
            throw new ShapeException(Problem.at(label())
                    .headline("The last dimension of the inputs to a " + type() + " layer should be defined. Found None. Full input shape received: " + in.withBatch())
                    .expected("a known number of features per step, to size the weights").got(in.withBatch())
                    .fix("give the features axis a size, e.g. new Input(" + (in.isKnown(0) ? in.dim(0) : "Shape.NONE") + ", 8)"));
        }
        Derivation d = start(in).note("reads the " + (in.isKnown(0) ? in.dim(0) + " " : "") + "steps "
                + (goBackwards ? "from last to first" : "in order") + " (d = " + in.dim(1) + " features each), carrying " + stateText() + " of " + units + " numbers from step to step; "
                + (returnSequences ? "return_sequences=True outputs the state after every step" : "it outputs only the state after the last step"));
        if (returnSequences) d.keep("timesteps", in.dim(0));
        d.dim("units", "", Expr.var("u", units), "one number per unit");
        return d.params(paramCount(in.dim(1)), paramNote()).macs(Expr.of(Math.max(in.dim(0), 1)).times(paramCount(in.dim(1)).value()));
    }

    /** d + u + 1 (or d + u without bias): the weights one gate of one unit needs. */
    protected Expr perGate(long d, int biases) {
        Expr sum = Expr.var("d", d).plus(Expr.var("u", units));
        return useBias ? sum.plus(biases) : sum;
    }

    @Override
    protected void addConfig(Map<String, Object> c) {
        c.put("return_sequences", returnSequences);
        c.put("return_state", false);
        c.put("go_backwards", goBackwards);
        c.put("stateful", false);
        c.put("unroll", false);
        c.put("time_major", false);
        c.put("units", units);
        c.put("activation", activation);
        c.put("use_bias", useBias);
        c.put("dropout", 0.0);
        c.put("recurrent_dropout", 0.0);
    }
}
