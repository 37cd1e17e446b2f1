package layerwise.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.google.gson.JsonElement;

import layerwise.error.ConfigException;
import layerwise.error.NnException;
import layerwise.error.Problem;
import layerwise.error.ShapeException;
import layerwise.layers.Activation;
import layerwise.layers.Add;
import layerwise.layers.BatchNormalization;
import layerwise.layers.Concatenate;
import layerwise.layers.Convolution;
import layerwise.layers.Dense;
import layerwise.layers.Dropout;
import layerwise.layers.Embedding;
import layerwise.layers.Flatten;
import layerwise.layers.FluentLayer;
import layerwise.layers.Reshape;
import layerwise.layers.UpSampling2D;
import layerwise.layers.ZeroPadding2D;
import layerwise.layers.Options;
import layerwise.layers.Pooling;
import layerwise.ndarray.Shape;

/**
 * From a Keras class_name ("Conv2D") to the code that builds the layer from its JSON config. The
 * settings every layer has (name, trainable, the input shape) are applied here, once.
 */
public final class LayerReaders {
    private static final Map<String, Function<LayerConfig, FluentLayer<?>>> READERS = new LinkedHashMap<>();

    static {
        register("Dense", c -> new Dense(c.integer("units")).activation(c.activation()).useBias(c.bool("use_bias", true)));
        register("Flatten", c -> new Flatten());
        register("Activation", c -> new Activation(c.activation()));
        register("Dropout", c -> new Dropout(c.number("rate", 0.5)));
        register("Reshape", c -> new Reshape(Arrays.stream(c.ints("target_shape")).asLongStream().toArray()));
        register("BatchNormalization", c -> new BatchNormalization().axis(c.ints("axis", -1)[0])
                .momentum(c.number("momentum", 0.99)).epsilon(c.number("epsilon", 0.001))
                .center(c.bool("center", true)).scale(c.bool("scale", true)));
        register("Embedding", LayerReaders::embedding);
        register("ZeroPadding2D", LayerReaders::zeroPadding);
        register("UpSampling2D", c -> new UpSampling2D(c.ints("size", 2)).dataFormat(c.string("data_format", "channels_last"))
                .interpolation(c.string("interpolation", "nearest")));
        register("Concatenate", c -> new Concatenate(c.integer("axis", -1)));
        register("Add", c -> new Add());
        for (String model : List.of("Sequential", "Functional", "Model")) register(model, LayerReaders::nested);
        KerasLayerFamilies.registerAll();
        CurriculumLayerReaders.registerAll();
    }

    private LayerReaders() {}

    /** Teaches the reader a layer class; the reader gets the layer's config and returns the new layer. */
    public static synchronized void register(String className, Function<LayerConfig, FluentLayer<?>> reader) {
        READERS.put(className, reader);
    }

    /** The Keras class names the reader knows, in the order they were registered. */
    public static synchronized Set<String> known() { return Set.copyOf(READERS.keySet()); }

    /** Builds the layer a config describes, named as in the file; errors name the layer as the file does. */
    static FluentLayer<?> read(LayerConfig c) {
        Function<LayerConfig, FluentLayer<?>> reader;
        synchronized (LayerReaders.class) { reader = READERS.get(c.className()); }
        if (reader == null) throw unknown(c);
        try {
            FluentLayer<?> layer = reader.apply(c);
            layer.name(c.name()).trainable(c.bool("trainable", true));
            Shape in = c.batchShape();
            if (in != null) layer.inputShape(in.dims());
            return layer;
        } catch (ConfigException | ShapeException e) {
            throw relabel(e, c);
        }
    }

    /** The same problem, said of the layer as the file names it rather than the name it was first given. */
    private static NnException relabel(NnException e, LayerConfig c) {
        Problem p = e.problem();
        Problem moved = new Problem(p.headline(), c.where(), p.expected(), p.got(), p.why(), p.fix());
        return e instanceof ShapeException ? new ShapeException(moved) : new ConfigException(moved, e);
    }

    private static ConfigException unknown(LayerConfig c) {
        List<String> names = new ArrayList<>(known());
        names.sort(null);
        String closest = Options.closest(c.className().toLowerCase(), names.stream().map(String::toLowerCase).toList());
        String suggestion = names.stream().filter(n -> n.equalsIgnoreCase(closest)).findFirst().orElse(closest);
        return new ConfigException(Problem.at(c.where())
                .headline("Unknown layer: '" + c.className() + "'. Please ensure you are using a `keras.utils.custom_object_scope`"
                        + " and that this object is included in the scope.")
                .expected("one of the layer classes Layerwise reads: " + String.join(", ", names))
                .got("class_name \"" + c.className() + "\" for layer " + c.name())
                .why("Layerwise knows the shape rule of each built-in Keras layer it reads; a custom or misspelled class has none")
                .fix("did you mean '" + suggestion + "'? Otherwise replace the layer by built-in ones with the same shapes"));
    }

    /** A whole model used as a layer; it brings its input shape, in case it is the first layer of a Sequential. */
    private static NestedModel nested(LayerConfig c) {
        Model inner = KerasReader.readNested(c);
        NestedModel layer = new NestedModel(inner);
        return !inner.isBuilt() ? layer : layer.inputShape(inner.inputShape().dims());
    }

    private static Embedding embedding(LayerConfig c) {
        Embedding e = new Embedding(c.integer("input_dim"), c.integer("output_dim")).maskZero(c.bool("mask_zero", false));
        return c.has("input_length") ? e.inputLength(c.ints("input_length")[0]) : e;
    }

    /** Keras writes padding as 1, as (1, 2) for (rows, cols), or as ((top, bottom), (left, right)). */
    private static ZeroPadding2D zeroPadding(LayerConfig c) {
        JsonElement p = c.raw("padding");
        String format = c.string("data_format", "channels_last");
        if (p != null && p.isJsonArray() && p.getAsJsonArray().size() == 2 && p.getAsJsonArray().get(0).isJsonArray()) {
            var rows = p.getAsJsonArray().get(0).getAsJsonArray();
            var cols = p.getAsJsonArray().get(1).getAsJsonArray();
            return new ZeroPadding2D(new int[] {rows.get(0).getAsInt(), rows.get(1).getAsInt()},
                    new int[] {cols.get(0).getAsInt(), cols.get(1).getAsInt()}).dataFormat(format);
        }
        int[] pad = c.ints("padding", 1);
        return (pad.length == 1 ? new ZeroPadding2D(pad[0]) : new ZeroPadding2D(pad[0], pad[1])).dataFormat(format);
    }

    /** The settings Conv1D, Conv2D and Conv3D share. */
    static <L extends Convolution<L>> L conv(L layer, LayerConfig c) {
        if (c.integer("groups", 1) != 1) {
            throw c.wrong("groups", "1 (Layerwise does not split convolutions into groups)", c.raw("groups").toString());
        }
        return layer.kernelSize(c.ints("kernel_size")).strides(c.ints("strides", 1)).padding(c.string("padding", "valid"))
                .dataFormat(c.string("data_format", "channels_last")).dilationRate(c.ints("dilation_rate", 1))
                .activation(c.activation()).useBias(c.bool("use_bias", true));
    }

    /** The settings every pooling layer shares; null strides mean "the pool size", as in Keras. */
    static <L extends Pooling<L>> L pool(L layer, LayerConfig c) {
        layer.poolSize(c.ints("pool_size", 2));
        if (c.has("strides")) layer.strides(c.ints("strides"));
        return layer.padding(c.string("padding", "valid")).dataFormat(c.string("data_format", "channels_last"));
    }
}
