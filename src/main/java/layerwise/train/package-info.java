/**
 * Training: losses, optimizers, metrics, callbacks ({@code EarlyStopping}, {@code TerminateOnNaN}) and
 * {@code Trainer}, the loop that fits and evaluates anything {@code layers.Trainable}, reporting each
 * batch and epoch to a {@code FitListener} and keeping the figures in a {@code History}. It does not
 * know models: {@code Model.compile/fit/evaluate} call into it.
 */
package layerwise.train;
