package layerwise.error;

/** A shape that cannot work: a wrong rank, a size that shrinks to zero, shapes that do not line up. */
public class ShapeException extends NnException {
    public ShapeException(Problem problem) { super(problem); }
}
