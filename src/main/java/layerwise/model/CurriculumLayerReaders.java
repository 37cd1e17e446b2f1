package layerwise.model;

import layerwise.layers.LayerNormalization;
import layerwise.layers.MultiHeadAttention;

/**
 * The readers of the layers a 2026 course adds to the classics: attention and layer normalization, the
 * activation and merge layers, the wrappers and the cropping layers.
 */
final class CurriculumLayerReaders {
    private CurriculumLayerReaders() {}

    static void registerAll() {
        LayerReaders.register("MultiHeadAttention", CurriculumLayerReaders::multiHeadAttention);
        LayerReaders.register("LayerNormalization", c -> {
            int[] axis = c.ints("axis", -1);
            c.rejectUnless("axis", axis.length == 1, java.util.Arrays.toString(axis), "normalize over the last axis only: \"axis\": -1");
            return new LayerNormalization().axis(axis[0]).epsilon(c.number("epsilon", 0.001))
                    .center(c.bool("center", true)).scale(c.bool("scale", true));
        });
    }

    /** use_causal_mask is a call argument in Keras; the graph reader adds it to the config from inbound_nodes. */
    private static MultiHeadAttention multiHeadAttention(LayerConfig c) {
        MultiHeadAttention m = new MultiHeadAttention(c.integer("num_heads"), c.integer("key_dim"))
                .useBias(c.bool("use_bias", true)).dropout(c.number("dropout", 0)).useCausalMask(c.bool("use_causal_mask", false));
        if (c.has("value_dim")) m.valueDim(c.integer("value_dim"));
        if (c.has("output_shape")) {
            int[] out = c.ints("output_shape");
            c.rejectUnless("output_shape", out.length == 1, java.util.Arrays.toString(out), "give output_shape as one number, the size of the last axis");
            m.outputShape(out[0]);
        }
        if (c.has("attention_axes")) {
            int[] axes = c.ints("attention_axes");
            c.rejectUnless("attention_axes", axes.length == 1 && axes[0] == 1, java.util.Arrays.toString(axes),
                    "attend over the steps axis only: \"attention_axes\": null, with inputs (batch, steps, features)");
        }
        return m;
    }
}
