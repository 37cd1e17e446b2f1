package layerwise.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import layerwise.layers.Bidirectional;
import layerwise.layers.Layer;
import layerwise.layers.MultiHeadAttention;
import layerwise.layers.Names;
import layerwise.layers.Recurrent;

/**
 * Where Keras 3 keeps each layer's weights in {@code model.weights.h5}: a group per Keras object, named
 * by the path of attributes that leads to it, whose {@code vars} group holds the arrays as "0", "1", ….
 * A model's layers sit under {@code layers/}, named by their class in snake case with a counter
 * ({@code dense}, {@code dense_1}), never by the layer's own name; a recurrent layer's weights belong to
 * its {@code cell}; Bidirectional holds a {@code forward_layer} and a {@code backward_layer};
 * MultiHeadAttention a {@code query_dense}, {@code key_dense}, {@code value_dense} and {@code output_dense}
 * (kernel, bias each); a nested model repeats the pattern below its own group.
 * <pre>
 *   vars                                   (the model's own: none)
 *   layers/conv2d/vars/0, 1                (kernel, bias)
 *   layers/lstm/cell/vars/0, 1, 2          (kernel, recurrent_kernel, bias)
 *   layers/sequential/layers/dense/vars/0  (a nested model)
 * </pre>
 */
final class WeightGroups {
    /** The group at {@code path}: its {@code vars} are getWeights()[from, to) of {@code layer} (none when from == to). */
    record Group(String path, Layer layer, int from, int to) {
        int count() { return to - from; }

        /** "layers/dense/vars", where the arrays of this group lie in the file. */
        String varsPath() { return path.isEmpty() ? "vars" : path + "/vars"; }
    }

    private final List<Group> groups = new ArrayList<>();

    private WeightGroups() {}

    /** Every group of a model, in the order Keras visits them: the model's own, then its layers. */
    static List<Group> of(Model model) {
        WeightGroups g = new WeightGroups();
        g.addModel("", model);
        return g.groups;
    }

    private void addModel(String path, Model model) {
        groups.add(new Group(path, null, 0, 0));
        Map<String, Integer> used = new HashMap<>();
        for (Layer layer : model.layers()) {
            String name = Names.snakeCase(layer.type());
            int n = used.merge(name, 0, (old, zero) -> old + 1);
            addLayer(join(path, "layers/" + (n == 0 ? name : name + "_" + n)), layer);
        }
    }

    /**
     * Keras's object structure decides the paths, not the math: an RNN layer delegates its variables to
     * a cell object, Bidirectional to two copies of the wrapped layer, MultiHeadAttention to four
     * EinsumDense layers, a nested model to its layers.
     */
    private void addLayer(String path, Layer layer) {
        int all = layer.weightNames().size();
        if (layer instanceof NestedModel nested) {
            addModel(path, nested.model());
        } else if (layer instanceof Bidirectional) {
            groups.add(new Group(path, null, 0, 0));
            addCell(join(path, "forward_layer"), layer, 0, all / 2);
            addCell(join(path, "backward_layer"), layer, all / 2, all);
        } else if (layer instanceof Recurrent<?>) {
            addCell(path, layer, 0, all);
        } else if (layer instanceof MultiHeadAttention) {
            groups.add(new Group(path, null, 0, 0));
            int per = all / 4;
            List<String> projections = List.of("query_dense", "key_dense", "value_dense", "output_dense");
            for (int i = 0; i < 4; i++) groups.add(new Group(join(path, projections.get(i)), layer, i * per, (i + 1) * per));
        } else {
            groups.add(new Group(path, layer, 0, all));
        }
    }

    private void addCell(String path, Layer layer, int from, int to) {
        groups.add(new Group(path, null, 0, 0));
        groups.add(new Group(join(path, "cell"), layer, from, to));
    }

    private static String join(String path, String child) { return path.isEmpty() ? child : path + "/" + child; }
}
