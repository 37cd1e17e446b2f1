package layerwise.layers;

/**
 * The element-wise maximum of tensors: y = max(a, b, …) at each position. Every axis must be equal
 * (size 1 is repeated to fit); no parameters.
 * Input shape: a list of equal shapes. Output shape: that shape.
 */
public final class Maximum extends Extremum<Maximum> {
    @Override protected String verb() { return "takes the largest of"; }

    @Override float pick(float a, float b) { return Math.max(a, b); }
}
