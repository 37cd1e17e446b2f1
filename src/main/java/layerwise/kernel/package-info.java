/**
 * The Jupyter kernel: JJava's base kernel with cells run by an in-process JShell, the Layerwise API
 * imported at startup, and one renderer per Layerwise type. The only package that imports Jupyter or
 * JShell classes; it adds no behaviour of its own to the library.
 */
package layerwise.kernel;
