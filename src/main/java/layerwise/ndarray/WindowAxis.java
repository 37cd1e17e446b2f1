package layerwise.ndarray;

/**
 * A window sliding along one axis, in sizes: input size, kernel, stride, dilation, the padding before
 * the first element, and the output size. The layers work these out from their own shape rule;
 * im2col and pooling only follow them.
 */
public record WindowAxis(int in, int k, int s, int d, int padBefore, int out) {
    /** An axis the window does not slide along: size 1, kernel 1. */
    public static final WindowAxis NONE = new WindowAxis(1, 1, 1, 1, 0, 1);

    /** The input position of tap {@code tap} of the window at output position {@code o} (outside the input when padding). */
    int at(int o, int tap) { return o * s + tap * d - padBefore; }
}
