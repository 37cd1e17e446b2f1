package layerwise.layers;

/**
 * The element-wise minimum of tensors: y = min(a, b, …) at each position. Every axis must be equal
 * (size 1 is repeated to fit); no parameters.
 * Input shape: a list of equal shapes. Output shape: that shape.
 */
public final class Minimum extends Extremum<Minimum> {
    @Override protected String verb() { return "takes the smallest of"; }

    @Override float pick(float a, float b) { return Math.min(a, b); }
}
