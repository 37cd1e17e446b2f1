/**
 * The number-crunching loops behind the arrays: matrix multiply, convolution and friends, on flat
 * float arrays. One kernel per file, each explaining its blocking scheme.
 */
package layerwise.ndarray.kernels;
