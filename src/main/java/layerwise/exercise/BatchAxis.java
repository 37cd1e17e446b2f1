package layerwise.exercise;

/** Whether a shape answer must, may or must not start with the batch axis (None). */
public enum BatchAxis {
    /** As summary() prints it: (None, 148, 148, 16). */
    REQUIRED,
    /** Either (None, 148, 148, 16) or 148x148x16. */
    OPTIONAL,
    /** One sample's shape, as inputShape(…) takes it: (15, 15, 20). */
    FORBIDDEN
}
