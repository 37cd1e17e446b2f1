package layerwise.layers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import layerwise.explain.Derivation;
import layerwise.explain.Expr;

/**
 * A depthwise convolution: each input channel gets its own M filters of K_h×K_w, and channels never mix.
 * O per axis as Conv2D; C_out = C_in×M; params = K_h×K_w×C_in×M + C_in×M.
 * Input shape: (rows, cols, C_in). Output shape: (rows_out, cols_out, C_in×M).
 */
public final class DepthwiseConv2D extends Convolution<DepthwiseConv2D> {
    private int depthMultiplier = 1;

    /** {@code new DepthwiseConv2D(3)}: one 3×3 filter per input channel. */
    public DepthwiseConv2D(int... kernelSize) {
        super(2, kernelSize, 0);
    }

    /** M, the number of filters per input channel (Keras's depth_multiplier, default 1). */
    public DepthwiseConv2D depthMultiplier(int m) {
        checkNotBuilt();
        depthMultiplier = Options.positive(label(), "depth_multiplier", m)[0];
        return this;
    }

    public int depthMultiplier() { return depthMultiplier; }

    @Override
    protected void outChannels(Derivation d, long cIn) {
        d.dim("channels", "C_out", Expr.var("C_in", cIn).times(Expr.var("M", depthMultiplier)),
                "each input channel keeps its own " + depthMultiplier + " output channel(s); channels are not mixed");
    }

    @Override
    protected void addParams(Derivation d, long cIn) {
        Expr outChannels = Expr.var("C_in", cIn).times(Expr.var("M", depthMultiplier));
        List<Expr> factors = new ArrayList<>(kernelVars());
        factors.add(Expr.var("C_in", cIn));
        factors.add(Expr.var("M", depthMultiplier));
        Expr weights = Expr.product(factors);
        d.params(useBias ? weights.plus(outChannels) : weights,
                "a " + windowText() + " kernel for each of the C_in×M output channels"
                        + (useBias ? ", plus one bias each" : "") + "; a Conv2D would need ×C_in more");
        d.macs(Expr.of(positions(d.output())).times(weights.value()));
    }

    @Override
    protected void addConfig(Map<String, Object> c) {
        super.addConfig(c);
        c.remove("filters");
        c.put("depth_multiplier", depthMultiplier);
    }
}
