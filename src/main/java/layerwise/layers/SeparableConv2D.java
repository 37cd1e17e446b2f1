package layerwise.layers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import layerwise.explain.Derivation;
import layerwise.explain.Expr;

/**
 * A depthwise convolution followed by a 1×1 convolution that mixes the channels: far fewer weights
 * than a Conv2D with the same kernel. O per axis as Conv2D;
 * params = K_h×K_w×C_in×M + C_in×M×F + F.
 * Input shape: (rows, cols, C_in). Output shape: (rows_out, cols_out, F).
 */
public final class SeparableConv2D extends Convolution<SeparableConv2D> {
    private int depthMultiplier = 1;

    public SeparableConv2D(int filters, int... kernelSize) {
        super(2, filters, kernelSize);
    }

    /** M, the number of depthwise filters per input channel (Keras's depth_multiplier, default 1). */
    public SeparableConv2D depthMultiplier(int m) {
        checkNotBuilt();
        depthMultiplier = Options.positive(label(), "depth_multiplier", m)[0];
        return this;
    }

    public int depthMultiplier() { return depthMultiplier; }

    @Override
    protected void addParams(Derivation d, long cIn) {
        Expr mid = Expr.var("C_in", cIn).times(Expr.var("M", depthMultiplier));
        List<Expr> factors = new ArrayList<>(kernelVars());
        factors.add(Expr.var("C_in", cIn));
        factors.add(Expr.var("M", depthMultiplier));
        Expr depthwise = Expr.product(factors);
        Expr pointwise = mid.times(Expr.var("F", filters));
        Expr weights = depthwise.plus(pointwise);
        d.params(useBias ? weights.plus(Expr.var("F", filters)) : weights,
                "depthwise: a " + windowText() + " kernel per channel (×M); pointwise: a 1×1 kernel from the C_in×M channels to each filter"
                        + (useBias ? "; one bias per filter" : ""));
        long spatial = positions(d.output());
        d.macs(Expr.of(spatial).times(depthwise.value()).plus(Expr.of(spatial).times(pointwise.value())));
    }

    @Override
    protected void addConfig(Map<String, Object> c) {
        super.addConfig(c);
        c.put("depth_multiplier", depthMultiplier);
    }
}
