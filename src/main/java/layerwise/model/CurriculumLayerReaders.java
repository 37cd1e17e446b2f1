package layerwise.model;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;

import layerwise.layers.Average;
import layerwise.layers.Cropping1D;
import layerwise.layers.Cropping2D;
import layerwise.layers.Cropping3D;
import layerwise.layers.Dot;
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
import layerwise.layers.TimeDistributed;

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
        LayerReaders.register("Dot", c -> {
            int[] axes = c.ints("axes");
            c.rejectUnless("axes", axes.length <= 2, java.util.Arrays.toString(axes), "give one axis, or one per input");
            return new Dot(axes[0], axes[axes.length - 1]).normalize(c.bool("normalize", false));
        });
        LayerReaders.register("TimeDistributed", c -> new TimeDistributed(LayerReaders.read(c.inner("layer"))));
        LayerReaders.register("Cropping1D", c -> {
            int[][] p = pairs(c, 1, 1);
            return new Cropping1D(p[0][0], p[0][1]);
        });
        LayerReaders.register("Cropping2D", c -> {
            int[][] p = pairs(c, 2, 0);
            return new Cropping2D(p[0], p[1]).dataFormat(c.string("data_format", "channels_last"));
        });
        LayerReaders.register("Cropping3D", c -> {
            int[][] p = pairs(c, 3, 1);
            return new Cropping3D(p[0], p[1], p[2]).dataFormat(c.string("data_format", "channels_last"));
        });
    }

    /**
     * Keras writes cropping as one number (every side), one number per axis (both ends), a (start, end)
     * pair for Cropping1D, or a pair per axis: ((top, bottom), (left, right)).
     */
    private static int[][] pairs(LayerConfig c, int axes, int fallback) {
        int[][] out = new int[axes][];
        JsonElement raw = c.raw("cropping");
        if (raw != null && raw.isJsonArray() && !raw.getAsJsonArray().isEmpty() && raw.getAsJsonArray().get(0).isJsonArray()) {
            JsonArray a = raw.getAsJsonArray();
            c.rejectUnless("cropping", a.size() == axes, a.toString(), "give one (start, end) pair per spatial axis");
            for (int i = 0; i < axes; i++) {
                JsonArray p = a.get(i).getAsJsonArray();
                out[i] = new int[] {p.get(0).getAsInt(), p.get(1).getAsInt()};
            }
            return out;
        }
        int[] v = c.ints("cropping", fallback);
        if (axes == 1 && v.length == 2) return new int[][] {v};
        c.rejectUnless("cropping", v.length == 1 || v.length == axes, java.util.Arrays.toString(v), "give one number per spatial axis");
        for (int i = 0; i < axes; i++) out[i] = new int[] {v[v.length == 1 ? 0 : i], v[v.length == 1 ? 0 : i]};
        return out;
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
