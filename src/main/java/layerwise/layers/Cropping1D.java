package layerwise.layers;

/**
 * Cuts steps off the start and end of a sequence. O_steps = W − C_start − C_end; no parameters.
 * Input shape: (steps, features). Output shape: (steps − C_start − C_end, features).
 */
public final class Cropping1D extends Cropping<Cropping1D> {
    /** One step off each end, Keras's default cropping=(1, 1). */
    public Cropping1D() { this(1, 1); }

    public Cropping1D(int both) { this(both, both); }

    public Cropping1D(int start, int end) { super(new int[][] {{start, end}}); }
}
