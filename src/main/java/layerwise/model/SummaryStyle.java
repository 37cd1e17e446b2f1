package layerwise.model;

/**
 * The layout of {@code model.summary()}: tf.keras 2's lines of underscores (the default, as in the
 * seed programs and in files written by {@code toJson()}, which say keras_version 2.15.0), or Keras 3's
 * box table with the weights' size in bytes: {@code model.summary(SummaryStyle.KERAS3)}.
 */
public enum SummaryStyle {
    TF_KERAS2, KERAS3
}
