package layerwise.model;

import layerwise.error.NnException;
import layerwise.explain.Explanation;

/**
 * A model file whose layers could be read but one of them cannot work on its input (an impossible
 * kernel, a wrong rank). The message is that layer's explained error; {@link #summary()} and
 * {@link #explanation()} still show every layer before it, as torchinfo issue #288 asks.
 */
public class IncompleteModelException extends NnException {
    private final transient Summary summary;
    private final transient Explanation explanation;

    IncompleteModelException(NnException cause, Summary summary, Explanation explanation) {
        super(cause.problem(), cause);
        this.summary = summary;
        this.explanation = explanation;
    }

    /** The table up to the failing layer, that layer marked with the reason, "?" below it. */
    public Summary summary() { return summary; }

    /** The layer-by-layer trace of the layers before the failure. */
    public Explanation explanation() { return explanation; }
}
