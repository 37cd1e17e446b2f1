package layerwise.layers;

import java.util.Map;

/**
 * A rectifier that lets a little through below zero, so no unit goes silent for good:
 * y = x if x &gt; 0, else negative_slope·x (Keras's default slope 0.3). No parameters.
 * Input shape: any. Output shape: the same.
 */
public final class LeakyReLU extends PointwiseActivation<LeakyReLU> {
    private double negativeSlope = 0.3;

    public LeakyReLU() {}

    /** Keras 3's name; tf.keras 2 called it alpha. */
    public LeakyReLU negativeSlope(double s) { checkNotBuilt(); negativeSlope = s; return this; }

    public double negativeSlope() { return negativeSlope; }

    @Override protected String formula() { return "x if x > 0, else " + negativeSlope + "·x"; }

    @Override protected float f(float x) { return x > 0 ? x : (float) (negativeSlope * x); }

    @Override protected float slope(float x) { return x > 0 ? 1f : (float) negativeSlope; }

    /** Both spellings, so tf.keras 2 (alpha) and Keras 3 (negative_slope) read the file. */
    @Override
    protected void addConfig(Map<String, Object> c) {
        c.put("alpha", negativeSlope);
        c.put("negative_slope", negativeSlope);
    }
}
