/**
 * Ready-made models: the four student questions Layerwise answers, as Keras users wrote them. The tour,
 * the notebooks, the exercises and the tests share them.
 */
package layerwise.examples;
