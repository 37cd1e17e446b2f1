/**
 * Models: {@code Sequential} stacks layers one on another, {@code Model} connects them as a graph, and a
 * model can be a layer of another. {@code LayerGraph} is the half of a model that needs no numbers. A model knows every layer's shape as soon as the layer is added, and
 * prints its summary, its layer-by-layer explanation and its shape warnings without seeing any data.
 * A model trains with Keras's spelling ({@code compile}, {@code fit}, {@code evaluate}, {@code predict}),
 * which hands the numbers to the loop in {@code layerwise.train}. {@code KerasJson} reads and writes the
 * model files of Keras ({@code model.to_json()}); {@code save}, {@code Model.load}, {@code saveWeights}
 * and {@code loadWeights} read and write Keras 3's {@code .keras} and {@code .weights.h5} files with
 * their weights.
 */
package layerwise.model;
