/**
 * Shapes and N-dimensional arrays of float32. {@code Shape} names the sizes of the axes; the array
 * classes hold the numbers and the operations on them.
 */
package layerwise.ndarray;
