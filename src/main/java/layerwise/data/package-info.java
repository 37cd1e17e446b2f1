/**
 * Small real data sets to train on, shipped inside the jar: the UCI handwritten digits and Fisher's
 * Iris, scaled to [0, 1] and split into training and test samples with a seed. Also random data
 * shaped like the student questions' np.random.random inputs.
 */
package layerwise.data;
