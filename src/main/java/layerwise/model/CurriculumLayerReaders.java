package layerwise.model;

import layerwise.layers.Average;
import layerwise.layers.ELU;
import layerwise.layers.GlobalAveragePooling3D;
import layerwise.layers.GlobalMaxPooling3D;
import layerwise.layers.LayerNormalization;
import layerwise.layers.LeakyReLU;
import layerwise.layers.Maximum;
import layerwise.layers.Minimum;
import layerwise.layers.MultiHeadAttention;
import layerwise.layers.Multiply;
import layerwise.layers.PReLU;
import layerwise.layers.ReLU;
import layerwise.layers.RepeatVector;
import layerwise.layers.Softmax;
import layerwise.layers.Subtract;

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
        LayerReaders.register("Subtract", c -> new Subtract());
        LayerReaders.register("Multiply", c -> new Multiply());
        LayerReaders.register("Average", c -> new Average());
        LayerReaders.register("Maximum", c -> new Maximum());
        LayerReaders.register("Minimum", c -> new Minimum());
        LayerReaders.register("RepeatVector", c -> new RepeatVector(c.integer("n")));
        LayerReaders.register("GlobalAveragePooling3D", c -> new GlobalAveragePooling3D()
                .dataFormat(c.string("data_format", "channels_last")).keepdims(c.bool("keepdims", false)));
        LayerReaders.register("GlobalMaxPooling3D", c -> new GlobalMaxPooling3D()
                .dataFormat(c.string("data_format", "channels_last")).keepdims(c.bool("keepdims", false)));
        LayerReaders.register("ReLU", CurriculumLayerReaders::relu);
        // tf.keras 2 wrote the slope as alpha, Keras 3 as negative_slope
        LayerReaders.register("LeakyReLU", c -> new LeakyReLU().negativeSlope(c.number("negative_slope", c.number("alpha", 0.3))));
        LayerReaders.register("ELU", c -> new ELU().alpha(c.number("alpha", 1.0)));
        LayerReaders.register("Softmax", c -> new Softmax().axis(c.ints("axis", -1)[0]));
        LayerReaders.register("PReLU", c -> new PReLU().sharedAxes(c.ints("shared_axes", new int[0])));
    }

    private static ReLU relu(LayerConfig c) {
        ReLU r = new ReLU().negativeSlope(c.number("negative_slope", 0)).threshold(c.number("threshold", 0));
        return c.has("max_value") ? r.maxValue(c.number("max_value", 0)) : r;
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
