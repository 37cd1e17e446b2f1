package layerwise.layers;

import java.util.Map;

/**
 * The rectifier as a layer, with Keras's options: y = x from the threshold up to max_value (then
 * max_value), and negative_slope·(x − threshold) below the threshold. Defaults give max(x, 0).
 * Input shape: any. Output shape: the same.
 */
public final class ReLU extends PointwiseActivation<ReLU> {
    private Double maxValue;
    private double negativeSlope, threshold;

    public ReLU() {}

    public ReLU maxValue(double m) { checkNotBuilt(); maxValue = m; return this; }
    public ReLU negativeSlope(double s) { checkNotBuilt(); negativeSlope = s; return this; }
    public ReLU threshold(double t) { checkNotBuilt(); threshold = t; return this; }

    @Override
    protected String formula() {
        String core = negativeSlope == 0 && threshold == 0 ? "max(x, 0)"
                : "x if x ≥ " + threshold + ", else " + negativeSlope + "·(x − " + threshold + ")";
        return maxValue == null ? core : "min(" + core + ", " + maxValue + ")";
    }

    @Override
    protected float f(float x) {
        if (maxValue != null && x >= maxValue) return maxValue.floatValue();
        return x >= threshold ? x : (float) (negativeSlope * (x - threshold));
    }

    @Override
    protected float slope(float x) {
        if (maxValue != null && x >= maxValue) return 0f;
        return x >= threshold ? 1f : (float) negativeSlope;
    }

    @Override
    protected void addConfig(Map<String, Object> c) {
        c.put("max_value", maxValue);
        c.put("negative_slope", negativeSlope);
        c.put("threshold", threshold);
    }
}
