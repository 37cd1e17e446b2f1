package layerwise.layers;

import java.util.ArrayList;
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
 * What SimpleRNN, LSTM and GRU share: they read a sequence one step at a time, carrying a state of
 * {@code units} numbers from step to step; each gate has d input weights, u recurrent weights and a bias
 * per unit. Input shape: (timesteps, d). Output shape: (u,), or (timesteps, u) with return_sequences.
 */
public abstract class Recurrent<L extends Recurrent<L>> extends FluentLayer<L> {
    protected final int units;
    protected String activation = "tanh";
    protected boolean useBias = true, returnSequences, goBackwards;
    private Direction own;

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

    /** Backward through time: the same W, U and b were used at every step, so their gradients add up over the steps. */
    @Override
    protected Derivation deriveBackward(Shape in) {
        Derivation d = startBackward(in);
        Expr dIn = Expr.var("d", in.dim(1)), u = Expr.var("u", units), gu = Expr.var("g·u", (long) gates() * units);
        d.note("g = " + gates() + " gate(s) of u = " + units + " units each; backpropagation through time: from the last step back to the first, ∂L/∂h_t gets the output's gradient at t"
                + (returnSequences ? "" : " (only at the last step)") + " plus what step t + 1 sends back through U");
        d.gradient(Gradients.weight("kernel", "W", Gradients.rule("Σ over steps t of x_tᵀ · ∂L/∂z_t", "\\sum_t x_t^\\top \\frac{\\partial L}{\\partial z_t}"),
                List.of(dIn, gu), "one W serves every step: its gradient adds every step's share, and has W's shape"));
        d.gradient(Gradients.weight("recurrent_kernel", "U", Gradients.rule("Σ over steps t of h_{t−1}ᵀ · ∂L/∂z_t",
                "\\sum_t h_{t-1}^\\top \\frac{\\partial L}{\\partial z_t}"), List.of(u, gu), "U carries h from step to step; it is shared by all steps too"));
        if (useBias) {
            List<Expr> shape = new ArrayList<>();
            for (int dim : initialBias().dims()) shape.add(Expr.of(dim));
            d.gradient(Gradients.weight("bias", "b", Gradients.rule("Σ over steps and batch of ∂L/∂z_t", "\\sum_{t, n} \\frac{\\partial L}{\\partial z_t}"),
                    shape, "a bias per gate and unit, added at every step"));
        }
        return d.gradient(Gradients.input(in, Gradients.rule("∂L/∂z_t · Wᵀ at each step t", "\\frac{\\partial L}{\\partial z_t} W^\\top"),
                "each step's input entered only through W, at that step"));
    }

    // ------------------------------------------------------------------ computing with numbers

    /** How many blocks of u columns W, U and b have: 1 for SimpleRNN, 4 for LSTM, 3 for GRU. */
    abstract int gates();

    /**
     * One step: the new state (h first) from xw = x_t·W + b (batch, gates·u), the input's part of every
     * gate, computed by Direction for all steps at once, and the previous state; saves into d.saved.
     */
    abstract NDArray[] step(Direction d, NDArray xw, NDArray[] state);

    /** The backward of step t: replaces dState (dLoss/dstate_t) by dLoss/dstate_{t−1} and returns dLoss/dxw_t. */
    abstract NDArray stepBackward(Direction d, int t, NDArray[] dState);

    /** The part of the bias added to x_t·W: all of it (GRU with reset_after keeps a second row for h·U). */
    NDArray inputBias(NDArray bias) { return bias; }

    /**
     * U's gradient Σ_t h_{t−1}ᵀ·dz_t as one product over all steps, for cells whose gates are
     * z = x_t·W + h_{t−1}·U + b, so that dz is also the gradient of x_t·W + b: previous holds every h_{t−1}
     * and dz every dz_t, time-major. GRU overrides it: its U meets r·h, so it adds U's gradient step by step.
     */
    void addRecurrentGradient(NDArray previous, NDArray dz, Param u) { previous.transpose().matmulInto(dz, u.grad(), 1f); }

    /** The state before the first step: zeros, one h (and for LSTM one c) per sample. */
    NDArray[] initialState(int n) { return new NDArray[] {NDArray.zeros(n, units)}; }

    /** Zeros, as Keras starts every bias. */
    NDArray initialBias() { return NDArray.zeros(gates() * units); }

    /** Gate g's u columns of a (batch, gates·u) array. */
    NDArray gate(NDArray z, int g) { return z.slice(1, g * units, (g + 1) * units).contiguous(); }

    /** Gate g's u columns of a weight matrix, left a view: matmul reads it in place, so a step copies no weights. */
    NDArray gateWeights(NDArray w, int g) { return w.slice(1, g * units, (g + 1) * units); }

    NDArray activate(NDArray z) { return ActivationFunctions.forward(activation, z); }

    NDArray activateBackward(NDArray z, NDArray y, NDArray grad) { return ActivationFunctions.backward(activation, z, y, grad); }

    /** σ(z), the gates' squashing to (0, 1); its derivative is σ·(1 − σ). */
    static NDArray sigmoid(NDArray z) { return ActivationFunctions.forward("sigmoid", z); }

    static NDArray sigmoidBackward(NDArray s, NDArray grad) { return grad.mul(s).mul(s.neg().add(1f)); }

    @Override
    public void initialize(Shape in, Random rng) { own = new Direction(this, (int) in.dim(1), goBackwards, rng); }

    @Override public boolean isInitialized() { return own != null; }

    @Override public List<Param> params() { return own == null ? List.of() : own.params(); }

    @Override
    public NDArray forward(NDArray x, boolean training) {
        if (own == null) initialize(sampleShape(x), new Random(0));
        return own.forward(x);
    }

    @Override
    public NDArray backward(NDArray gradOut) { return own.backward(gradOut); }

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

    @Override public Role role() { return Role.SEQUENCE; }
}
