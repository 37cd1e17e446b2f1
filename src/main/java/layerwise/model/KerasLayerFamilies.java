package layerwise.model;

import java.util.List;

import layerwise.layers.AveragePooling1D;
import layerwise.layers.AveragePooling2D;
import layerwise.layers.AveragePooling3D;
import layerwise.layers.Bidirectional;
import layerwise.layers.Conv1D;
import layerwise.layers.Conv2D;
import layerwise.layers.Conv2DTranspose;
import layerwise.layers.Conv3D;
import layerwise.layers.DepthwiseConv2D;
import layerwise.layers.FluentLayer;
import layerwise.layers.GRU;
import layerwise.layers.GlobalAveragePooling1D;
import layerwise.layers.GlobalAveragePooling2D;
import layerwise.layers.GlobalMaxPooling1D;
import layerwise.layers.GlobalMaxPooling2D;
import layerwise.layers.GlobalPooling;
import layerwise.layers.LSTM;
import layerwise.layers.MaxPooling1D;
import layerwise.layers.MaxPooling2D;
import layerwise.layers.MaxPooling3D;
import layerwise.layers.Recurrent;
import layerwise.layers.SeparableConv2D;
import layerwise.layers.SimpleRNN;

/**
 * The readers of the layer families whose members share most settings: convolutions, pooling,
 * global pooling and recurrent layers (Bidirectional wraps one of the latter, written inside its config).
 */
final class KerasLayerFamilies {
    private KerasLayerFamilies() {}

    static void registerAll() {
        LayerReaders.register("Conv1D", c -> LayerReaders.conv(new Conv1D(c.integer("filters"), c.ints("kernel_size")[0]), c));
        LayerReaders.register("Conv2D", c -> LayerReaders.conv(new Conv2D(c.integer("filters"), c.ints("kernel_size")[0]), c));
        LayerReaders.register("Conv3D", c -> LayerReaders.conv(new Conv3D(c.integer("filters"), c.ints("kernel_size")[0]), c));
        LayerReaders.register("Conv2DTranspose", c -> {
            Conv2DTranspose t = LayerReaders.conv(new Conv2DTranspose(c.integer("filters"), c.ints("kernel_size")[0]), c);
            return c.has("output_padding") ? t.outputPadding(c.ints("output_padding")) : t;
        });
        LayerReaders.register("DepthwiseConv2D", c -> LayerReaders.conv(new DepthwiseConv2D(c.ints("kernel_size")[0])
                .depthMultiplier(c.integer("depth_multiplier", 1)), c));
        LayerReaders.register("SeparableConv2D", c -> LayerReaders.conv(new SeparableConv2D(c.integer("filters"), c.ints("kernel_size")[0])
                .depthMultiplier(c.integer("depth_multiplier", 1)), c));
        LayerReaders.register("MaxPooling1D", c -> LayerReaders.pool(new MaxPooling1D(c.ints("pool_size", 2)[0]), c));
        LayerReaders.register("MaxPooling2D", c -> LayerReaders.pool(new MaxPooling2D(c.ints("pool_size", 2)[0]), c));
        LayerReaders.register("MaxPooling3D", c -> LayerReaders.pool(new MaxPooling3D(c.ints("pool_size", 2)[0]), c));
        LayerReaders.register("AveragePooling1D", c -> LayerReaders.pool(new AveragePooling1D(c.ints("pool_size", 2)[0]), c));
        LayerReaders.register("AveragePooling2D", c -> LayerReaders.pool(new AveragePooling2D(c.ints("pool_size", 2)[0]), c));
        LayerReaders.register("AveragePooling3D", c -> LayerReaders.pool(new AveragePooling3D(c.ints("pool_size", 2)[0]), c));
        LayerReaders.register("GlobalMaxPooling1D", c -> global(new GlobalMaxPooling1D(), c));
        LayerReaders.register("GlobalMaxPooling2D", c -> global(new GlobalMaxPooling2D(), c));
        LayerReaders.register("GlobalAveragePooling1D", c -> global(new GlobalAveragePooling1D(), c));
        LayerReaders.register("GlobalAveragePooling2D", c -> global(new GlobalAveragePooling2D(), c));
        LayerReaders.register("SimpleRNN", c -> recurrent(new SimpleRNN(c.integer("units")), c, "tanh"));
        LayerReaders.register("LSTM", c -> recurrent(new LSTM(c.integer("units")), c, "tanh"));
        LayerReaders.register("GRU", c -> recurrent(new GRU(c.integer("units")), c, "tanh").resetAfter(c.bool("reset_after", true)));
        LayerReaders.register("Bidirectional", KerasLayerFamilies::bidirectional);
    }

    private static <L extends GlobalPooling<L>> L global(L layer, LayerConfig c) {
        return layer.dataFormat(c.string("data_format", "channels_last")).keepdims(c.bool("keepdims", false));
    }

    private static <L extends Recurrent<L>> L recurrent(L layer, LayerConfig c, String defaultActivation) {
        c.rejectUnless("return_state", !c.bool("return_state", false), "true",
                "remove return_state; keep return_sequences if the next layer needs every step");
        c.rejectUnless("stateful", !c.bool("stateful", false), "true", "set stateful to false: each batch starts from a zero state");
        for (String key : List.of("dropout", "recurrent_dropout")) {
            double rate = c.number(key, 0);
            c.rejectUnless(key, rate == 0, Double.toString(rate), "set " + key + " to 0, or put a Dropout layer before the RNN");
        }
        String activation = c.has("activation") ? c.activation() : defaultActivation;
        return layer.activation(activation).useBias(c.bool("use_bias", true))
                .returnSequences(c.bool("return_sequences", false)).goBackwards(c.bool("go_backwards", false));
    }

    /** Bidirectional's config holds the wrapped layer as {"class_name": "LSTM", "config": {…}}. */
    private static Bidirectional bidirectional(LayerConfig c) {
        LayerConfig inner = c.inner("layer");
        FluentLayer<?> layer = LayerReaders.read(inner);
        if (!(layer instanceof Recurrent<?> rnn)) {
            throw c.wrong("layer", "a recurrent layer (SimpleRNN, LSTM or GRU)", "\"" + inner.className() + "\"");
        }
        return new Bidirectional(rnn).mergeMode(c.string("merge_mode", "concat"));
    }
}
