/**
 * The layers, each with its shape rule written once as a derivation: Dense, the convolutions, pooling,
 * Flatten and the rest. {@code Input} starts a functional model; {@code apply} connects layers.
 */
package layerwise.layers;
