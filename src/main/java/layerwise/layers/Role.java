package layerwise.layers;

/**
 * What a layer does, in words a student knows. Pictures colour a layer by its role, which the layer
 * reports itself, so a new layer kind chooses its role and no drawing code lists class names.
 */
public enum Role {
    INPUT("input"),
    CONVOLUTION("convolution: a kernel slides over the input"),
    DENSE("dense or embedding: learned weights on each vector"),
    SEQUENCE("recurrent or attention: reads along the steps"),
    POOLING("pooling or resampling: resizes the grid, no weights"),
    NORMALIZATION("normalization or dropout: same shape, rescaled"),
    ACTIVATION("activation: a function of each number"),
    RESHAPING("reshaping: the same numbers rearranged, cut or padded"),
    MERGE("merge: combines several inputs"),
    OTHER("other");

    private final String description;

    Role(String description) { this.description = description; }

    /** "pooling or resampling: resizes the grid, no weights", for a picture's key. */
    public String description() { return description; }
}
