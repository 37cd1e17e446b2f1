package layerwise.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;

import layerwise.error.ConfigException;
import layerwise.error.Problem;
import layerwise.error.ShapeException;
import layerwise.layers.Layer;
import layerwise.ndarray.NDArray;

/**
 * Reads Keras 3's {@code model.weights.h5} into a model built from the same architecture: each layer's
 * arrays are found by the path Keras gives them ({@link WeightGroups}) and checked for count and shape;
 * only when every layer fits are the weights copied, so a file that does not fit changes nothing.
 * Files from Keras 2.13–2.15 name the layers' group {@code _layer_checkpoint_dependencies} instead of
 * {@code layers}; both are read.
 */
final class WeightsReader {
    private static final String LEGACY = "_layer_checkpoint_dependencies";

    private final HdfFile h5;
    private final String source;
    private final boolean legacy;

    private WeightsReader(HdfFile h5, String source) {
        this.h5 = h5;
        this.source = source;
        this.legacy = h5.getChildren().containsKey(LEGACY) && !h5.getChildren().containsKey("layers");
    }

    static void read(Model model, HdfFile h5, String source) {
        new WeightsReader(h5, source).load(model);
    }

    private void load(Model model) {
        Map<Layer, NDArray[]> found = new HashMap<>();
        Set<String> used = new LinkedHashSet<>();
        for (WeightGroups.Group g : WeightGroups.of(model)) {
            if (g.count() == 0) continue;
            String path = inFile(g.varsPath());
            List<NDArray> expected = g.layer().getWeights().subList(g.from(), g.to());
            List<NDArray> arrays = arrays(g, path, expected);
            NDArray[] all = found.computeIfAbsent(g.layer(), l -> new NDArray[l.weightNames().size()]);
            for (int i = 0; i < arrays.size(); i++) all[g.from() + i] = arrays.get(i);
            used.add(trimSlash(find(path).getPath()));
        }
        requireNoOthers(used);
        found.forEach((layer, arrays) -> layer.setWeights(List.of(arrays)));
    }

    private String inFile(String path) { return legacy ? path.replace("layers", LEGACY) : path; }

    /** The arrays of one group, "0", "1", … in order, each checked against the weight it is for. */
    private List<NDArray> arrays(WeightGroups.Group g, String path, List<NDArray> expected) {
        Layer layer = g.layer();
        List<String> names = layer.weightNames().subList(g.from(), g.to());
        Node node = find(path);
        if (!(node instanceof Group vars)) throw missing(layer, path, names);
        Map<Integer, Dataset> byIndex = new TreeMap<>();
        for (Node child : vars.getChildren().values()) {
            if (child instanceof Dataset d && child.getName().matches("\\d+")) byIndex.put(Integer.parseInt(child.getName()), d);
        }
        if (byIndex.size() != expected.size()) {
            throw new ConfigException(Problem.at(where(layer, path))
                    .headline("Layer '" + layer.name() + "' expected " + expected.size() + " variables, but received " + byIndex.size()
                            + " variables during loading. Expected: " + names)
                    .expected(expected.size() + " arrays in " + path + ": " + names)
                    .got(byIndex.size() + " arrays" + (byIndex.isEmpty() ? "" : ": " + byIndex.values().stream().map(WeightsReader::shapeOf).toList()))
                    .why("the file was saved from a model whose " + layer.type() + " at this place had other settings (use_bias, center/scale, another layer type)")
                    .fix("load weights saved from this same architecture, or build the model with the settings of the saved one"));
        }
        List<NDArray> out = new ArrayList<>();
        int i = 0;
        for (Dataset d : byIndex.values()) {
            NDArray a = HdfArrays.toNDArray(d, where(layer, path + "/" + i));
            if (!a.shape().equals(expected.get(i).shape())) {
                throw new ShapeException(Problem.at(where(layer, path + "/" + i))
                        .headline("The shape of the target variable and the shape of the target value in `variable.assign(value)` must match. "
                                + "variable.shape=" + expected.get(i).shape() + ", Received: value.shape=" + a.shape() + ". Target variable: " + names.get(i))
                        .expected(names.get(i) + " of " + layer.label())
                        .got(a.shape() + " in " + path + "/" + i)
                        .why("the weights were saved from a model with other sizes here (units, filters, kernel size, or the input before this layer)")
                        .fix("build the model exactly as the saved one, e.g. Model.load the .keras file instead of loading weights into a new model"));
            }
            out.add(a);
            i++;
        }
        return out;
    }

    /** The node at a path; a part may also be stored under its private name ("_query_dense"), as earlier Keras 3 releases did. */
    private Node find(String path) {
        Node node = h5;
        for (String part : path.split("/")) {
            if (!(node instanceof Group g)) return null;
            String name = g.getChildren().containsKey(part) ? part : "_" + part;
            if (!g.getChildren().containsKey(name)) return null;
            node = g.getChild(name);
        }
        return node;
    }

    /** Arrays in the file that no layer of the model takes: a file for a bigger model is refused, not half-read. */
    private void requireNoOthers(Set<String> used) {
        List<String> extra = new ArrayList<>();
        Node layers = find(legacy ? LEGACY : "layers");
        if (layers instanceof Group g) collectVars(g, used, extra);
        if (extra.isEmpty()) return;
        throw new ConfigException(Problem.at(source)
                .headline("The weights file " + source + " holds weights for " + extra.size() + " layer(s) that this model does not have: " + extra + ".")
                .expected("weights only for this model's layers: " + used)
                .got("also " + extra)
                .why("Keras names each layer's group by its class and a counter (dense, dense_1, …), so a file from a model with more or other layers has groups this one lacks")
                .fix("load the file into the model it was saved from (Model.load of the .keras file builds it for you)"));
    }

    private static void collectVars(Group g, Set<String> used, List<String> extra) {
        for (Node child : g.getChildren().values()) {
            if (!(child instanceof Group sub)) continue;
            String path = trimSlash(sub.getPath());
            if (sub.getName().equals("vars")) {
                if (!sub.getChildren().isEmpty() && !used.contains(path)) extra.add(path);
            } else {
                collectVars(sub, used, extra);
            }
        }
    }

    private static String trimSlash(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    private ConfigException missing(Layer layer, String path, List<String> names) {
        List<String> present = new ArrayList<>();
        Node layers = find(legacy ? LEGACY : "layers");
        if (layers instanceof Group g) present.addAll(g.getChildren().keySet());
        return new ConfigException(Problem.at(where(layer, path))
                .headline("Layer '" + layer.name() + "' expected " + names.size() + " variables, but the weights file has no group " + path + ".")
                .expected(names.size() + " arrays in " + path + ": " + names)
                .got(present.isEmpty() ? "no layers at all in " + source : "groups for " + present)
                .why("Keras names each layer's group by its class and a counter, so the n-th " + layer.type()
                        + " of the model reads the n-th one of the file; this file has no such " + layer.type())
                .fix("load weights saved from this same architecture (the same layers in the same order)"));
    }

    private String where(Layer layer, String path) { return layer.label() + ", " + path + " in " + source; }

    private static String shapeOf(Dataset d) { return HdfArrays.shape(d.getDimensions()).toString(); }
}
