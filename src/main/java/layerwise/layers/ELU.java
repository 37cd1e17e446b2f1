package layerwise.layers;

import java.util.Map;

/**
 * The exponential linear unit: y = x if x &gt; 0, else α·(eˣ − 1), smooth below zero and close to −α
 * for very negative x. No parameters.
 * Input shape: any. Output shape: the same.
 * <pre>Clevert, Unterthiner and Hochreiter, Fast and Accurate Deep Network Learning by ELUs, ICLR 2016.</pre>
 */
public final class ELU extends PointwiseActivation<ELU> {
    private double alpha = 1.0;

    public ELU() {}

    public ELU alpha(double a) { checkNotBuilt(); alpha = a; return this; }

    @Override protected String formula() { return "x if x > 0, else " + alpha + "·(eˣ − 1)"; }

    @Override protected float f(float x) { return x > 0 ? x : (float) (alpha * Math.expm1(x)); }

    @Override protected float slope(float x) { return x > 0 ? 1f : (float) (alpha * Math.exp(x)); }

    @Override
    protected void addConfig(Map<String, Object> c) { c.put("alpha", alpha); }
}
