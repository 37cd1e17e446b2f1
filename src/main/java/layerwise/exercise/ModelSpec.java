package layerwise.exercise;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import layerwise.error.ConfigException;
import layerwise.error.Problem;
import layerwise.layers.Conv2D;
import layerwise.layers.Dense;
import layerwise.layers.Flatten;
import layerwise.layers.Input;
import layerwise.layers.Layer;
import layerwise.layers.MaxPooling2D;
import layerwise.layers.Names;
import layerwise.layers.SymbolicTensor;
import layerwise.model.Model;

/**
 * A chain of layers written down as numbers: the input shape of one sample and the layers in order.
 * Sheets vary it per student and the library builds the real model from it, so every expected answer
 * is computed by the model and never written into the student's notebook.
 */
public record ModelSpec(long[] input, List<LayerSpec> layers) {

    public ModelSpec {
        input = input.clone();
        layers = List.copyOf(layers);
    }

    /** One sample's shape; a copy, so that changing it changes no spec. */
    @Override public long[] input() { return input.clone(); }

    public static ModelSpec of(long[] input, LayerSpec... layers) {
        return new ModelSpec(input, List.of(layers));
    }

    /** The spec of a chain model built from Conv2D, MaxPooling2D, Dense and Flatten, for varying it. */
    public static ModelSpec of(Model model) {
        List<LayerSpec> specs = new ArrayList<>();
        for (Layer l : model.layers()) {
            if (l instanceof layerwise.layers.InputLayer) continue;
            specs.add(spec(l, model));
        }
        if (!model.isSequentialLike()) throw unsupported(model, model.name() + " is not a single chain of layers");
        return new ModelSpec(model.inputShape().dims(), specs);
    }

    private static LayerSpec spec(Layer l, Model model) {
        if (l instanceof Conv2D c && same(c.strides()) && same(c.kernelSize()) && same(c.dilationRate())
                && c.dilationRate()[0] == 1 && c.dataFormat().equals("channels_last") && c.useBias()) {
            return new LayerSpec.Conv(c.filters(), c.kernelSize()[0], c.strides()[0], c.padding(), c.activation());
        }
        if (l instanceof MaxPooling2D p && same(p.poolSize()) && Arrays.equals(p.poolSize(), p.stridesOrDefault())
                && p.dataFormat().equals("channels_last")) {
            return new LayerSpec.Pool(p.poolSize()[0], p.padding());
        }
        if (l instanceof Dense d && d.useBias()) return new LayerSpec.Fc(d.units(), d.activation());
        if (l instanceof Flatten) return new LayerSpec.Flat();
        throw unsupported(model, l.label() + " is not one of the layers exercises can vary");
    }

    private static boolean same(int[] a) { return Arrays.stream(a).allMatch(v -> v == a[0]); }

    private static ConfigException unsupported(Model model, String got) {
        return new ConfigException(Problem.at(model.name())
                .headline("Cannot make per-student variants of this model.")
                .expected("a chain of Conv2D (square kernel, channels_last), MaxPooling2D, Dense and Flatten layers")
                .got(got)
                .fix("use Exercises.from(model) without forStudent(…), or describe the model with ModelSpec"));
    }

    /** The real model, with the names a fresh Keras session gives (input_1, conv2d, conv2d_1, dense, …). */
    public Model build() { return build(List.of()); }

    /** The real model with its layers named as given (a teacher's model varied for a student keeps its names). */
    public Model build(List<String> names) {
        return Names.isolated(() -> {
            var in = new Input(input);
            SymbolicTensor x = in;
            for (int i = 0; i < layers.size(); i++) {
                Layer layer = layers.get(i).create();
                if (i < names.size() && layer instanceof layerwise.layers.FluentLayer<?> named) named.name(names.get(i));
                x = layer.apply(x);
            }
            return new Model(in, x);
        });
    }

    public ModelSpec withInput(long... dims) { return new ModelSpec(dims, layers); }

    public ModelSpec withLayer(int index, LayerSpec layer) {
        List<LayerSpec> copy = new ArrayList<>(layers);
        copy.set(index, layer);
        return new ModelSpec(input, copy);
    }

    public ModelSpec inserting(int index, LayerSpec layer) {
        List<LayerSpec> copy = new ArrayList<>(layers);
        copy.add(index, layer);
        return new ModelSpec(input, copy);
    }

    /** The Java that builds this model, one layer per line, as the student would write it. */
    public String code() {
        StringBuilder out = new StringBuilder("var in = new Input(")
                .append(Arrays.stream(input).mapToObj(Long::toString).collect(Collectors.joining(", "))).append(");\n");
        String prev = "in";
        for (LayerSpec l : layers) {
            out.append(prev.equals("in") ? "var x = " : "x = ").append(l.code()).append(".apply(").append(prev).append(");\n");
            prev = "x";
        }
        return out.append("var model = new Model(in, x);").toString();
    }

    @Override public boolean equals(Object o) {
        return o instanceof ModelSpec s && Arrays.equals(input, s.input) && layers.equals(s.layers);
    }

    @Override public int hashCode() { return 31 * Arrays.hashCode(input) + layers.hashCode(); }

    @Override public String toString() { return code(); }
}
