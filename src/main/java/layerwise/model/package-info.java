/**
 * Models: {@code Sequential} stacks layers one on another, {@code Model} connects them as a graph.
 * A model knows every layer's shape as soon as the layer is added, and prints its summary and its
 * layer-by-layer explanation without seeing any data.
 */
package layerwise.model;
