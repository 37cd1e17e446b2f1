/**
 * Training: losses, optimizers, accuracy metrics, and {@code Trainer}, which compiles a model with
 * them and runs fit/evaluate/predict as Keras does, reporting each epoch to a {@code FitListener}
 * and keeping the figures in a {@code History}.
 */
package layerwise.train;
