package layerwise.layers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import layerwise.explain.Derivation;
import layerwise.explain.Expr;
import layerwise.explain.Gradient;
import layerwise.ndarray.Joins;
import layerwise.ndarray.NDArray;
import layerwise.ndarray.Shape;

/**
 * Runs a recurrent layer twice, forward and backward in time, with separate weights, and merges the
 * two results. Output size = 2×u ('concat') or u ('sum', 'mul', 'ave'); params = 2 × the inner layer's.
 * Input shape: (timesteps, d). Output shape: (merged,), or (timesteps, merged) with return_sequences.
 */
public final class Bidirectional extends FluentLayer<Bidirectional> {
    private final Recurrent<?> layer;
    private String mergeMode = "concat";
    private Direction forwardRun, backwardRun;
    private NDArray savedForward, savedBackward;

    /** {@code new Bidirectional(new LSTM(64))}. */
    public Bidirectional(Recurrent<?> layer) {
        this.layer = layer;
    }

    /** How to merge the two directions: "concat" (default), "sum", "mul" or "ave". */
    public Bidirectional mergeMode(String m) {
        checkNotBuilt();
        mergeMode = Options.oneOf(label(), "merge_mode", m, List.of("concat", "sum", "mul", "ave"));
        return this;
    }

    public Recurrent<?> layer() { return layer; }
    public String mergeMode() { return mergeMode; }

    @Override
    protected Derivation derive(Shape in) {
        Derivation inner = layer.derivation(in);
        layer.markBuilt();
        Derivation d = start(in).note("runs " + layer.type() + "(" + layer.units() + ") twice with separate weights: forward_"
                + layer.name() + " reads the steps (d = " + in.dim(1) + " features each) in order, backward_" + layer.name()
                + " from last to first; merge_mode '"
                + mergeMode + "' " + (mergeMode.equals("concat") ? "puts the two results side by side" : "combines them element by element"));
        if (layer.returnSequences()) d.keep("timesteps", in.dim(0));
        Expr u = Expr.var("u", layer.units());
        d.dim("units", "", mergeMode.equals("concat") ? Expr.of(2).times(u) : u,
                mergeMode.equals("concat") ? "forward units, then backward units" : "one merged number per unit");
        Expr perDirection = layer.paramCount(in.dim(1));
        return d.params(Expr.of(2).times(perDirection), "one " + layer.type() + " per direction: " + layer.paramNote())
                .macs(Expr.of(2).times(Math.max(inner.macs(), 0)));
    }

    /** Forward weights first, then backward ones, as Keras's get_weights. */
    @Override
    public void initialize(Shape in, Random rng) {
        forwardRun = new Direction(layer, (int) in.dim(1), layer.goBackwards(), rng);
        backwardRun = new Direction(layer, (int) in.dim(1), !layer.goBackwards(), rng);
    }

    @Override public boolean isInitialized() { return forwardRun != null; }

    @Override
    public List<Param> params() {
        if (forwardRun == null) return List.of();
        List<Param> ps = new ArrayList<>(forwardRun.params());
        ps.addAll(backwardRun.params());
        return ps;
    }

    /** Both directions over the same x; the backward one's sequence is turned back into input order before merging. */
    @Override
    public NDArray forward(NDArray x, boolean training) {
        if (forwardRun == null) initialize(sampleShape(x), new Random(0));
        savedForward = forwardRun.forward(x);
        NDArray b = backwardRun.forward(x);
        savedBackward = layer.returnSequences() ? Joins.reverse(b, 1) : b;
        return switch (mergeMode) {
            case "concat" -> Joins.concat(-1, List.of(savedForward, savedBackward));
            case "sum" -> savedForward.add(savedBackward);
            case "mul" -> savedForward.mul(savedBackward);
            default -> savedForward.add(savedBackward).mul(0.5f);
        };
    }

    /** Backward: ∂L/∂y is split between the two runs, each explained by the recurrent layer's own rule, and their ∂L/∂x add up. */
    @Override
    protected Derivation deriveBackward(Shape in) {
        Derivation inner = layer.backwardDerivation(in);
        Derivation d = startBackward(in).note(switch (mergeMode) {
            case "concat" -> "∂L/∂y is cut in two: its first " + layer.units() + " numbers go to the forward run, the last " + layer.units() + " to the backward run";
            case "sum" -> "both runs get the whole ∂L/∂y: each added its output one for one";
            case "mul" -> "each run gets ∂L/∂y times the other run's output";
            default -> "each run gets half of ∂L/∂y";
        });
        for (String run : List.of("forward", "backward")) {
            for (Gradient g : inner.gradients()) {
                if (g.isWeight()) d.gradient(new Gradient(g.of(), g.symbol() + " (" + run + ")", g.rule(), g.shape(), g.product(), run + "_" + layer.name() + "'s own weights: " + g.note()));
            }
        }
        return d.gradient(Gradients.input(in, Gradients.rule("∂L/∂x of the forward run + ∂L/∂x of the backward run", "\\frac{\\partial L}{\\partial x}_{\\rightarrow} + \\frac{\\partial L}{\\partial x}_{\\leftarrow}"),
                "both runs read every step of x, so its gradient adds both (the backward run's turned back into input order)"));
    }

    @Override
    public NDArray backward(NDArray gradOut) {
        int u = layer.units(), last = gradOut.rank() - 1;
        NDArray gf, gb;
        switch (mergeMode) {
            case "concat" -> { gf = gradOut.slice(last, 0, u).contiguous(); gb = gradOut.slice(last, u, 2 * u).contiguous(); }
            case "sum" -> { gf = gradOut; gb = gradOut; }
            case "mul" -> { gf = gradOut.mul(savedBackward); gb = gradOut.mul(savedForward); }
            default -> { gf = gradOut.mul(0.5f); gb = gf; }
        }
        NDArray dxForward = forwardRun.backward(gf);
        return dxForward.add(backwardRun.backward(layer.returnSequences() ? Joins.reverse(gb, 1) : gb));
    }

    @Override
    protected void addConfig(Map<String, Object> c) {
        c.put("layer", Options.serialized(layer));
        c.put("merge_mode", mergeMode);
    }

    @Override public Role role() { return Role.SEQUENCE; }
}
