package layerwise.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import layerwise.error.Problem;
import layerwise.error.ShapeException;
import layerwise.layers.Layer;
import layerwise.layers.SymbolicTensor;

/**
 * Keras lists a functional model's layers by depth, farthest from the outputs first, and layers of
 * equal depth in the order a walk back from the outputs first meets them. Both inputs of a two-input
 * model therefore come first, as in model.summary() in Keras. A layer called more than once takes the
 * depth of its deepest call, and each later call met on the way back is moved down to that depth too,
 * with the calls before it (Keras's _map_graph_network does the same).
 */
record KerasOrder(List<SymbolicTensor> nodes, List<Layer> layers) {

    /** The graph from these inputs to these outputs, refused when a path does not lead back to an input. */
    static KerasOrder of(List<? extends SymbolicTensor> inputs, List<? extends SymbolicTensor> outputs) {
        Set<SymbolicTensor> visited = new LinkedHashSet<>();
        for (SymbolicTensor out : outputs) visit(out, inputs, visited);
        return byDepth(outputs, new ArrayList<>(visited));
    }

    private static void visit(SymbolicTensor t, List<? extends SymbolicTensor> inputs, Set<SymbolicTensor> visited) {
        if (visited.contains(t)) return;
        if (t.inputs().isEmpty() && !inputs.contains(t)) {
            throw new ShapeException(Problem.at(t.layer().label())
                    .headline("Graph disconnected: cannot obtain value for tensor " + t + " at layer \"" + t.layer().name()
                            + "\". The following previous layers were accessed without issue: " + visited.stream().map(v -> v.layer().name()).toList())
                    .expected("every path from the outputs to lead back to one of the model's inputs")
                    .got("a path that starts at " + t.layer().name() + ", which is not among the inputs")
                    .fix("pass " + t.layer().name() + " in the model's list of inputs"));
        }
        for (SymbolicTensor in : t.inputs()) visit(in, inputs, visited);
        visited.add(t);
    }

    private static KerasOrder byDepth(List<? extends SymbolicTensor> outputs, List<SymbolicTensor> dataFlowOrder) {
        Map<SymbolicTensor, Integer> depth = new HashMap<>(), firstMet = new HashMap<>();
        Map<Layer, Integer> layerDepth = new HashMap<>(), layerFirstMet = new HashMap<>();
        for (SymbolicTensor out : outputs) meet(out, firstMet);
        for (int i = dataFlowOrder.size() - 1; i >= 0; i--) {
            SymbolicTensor t = dataFlowOrder.get(i);
            int d = Math.max(depth.getOrDefault(t, 0), layerDepth.getOrDefault(t.layer(), 0));
            depth.put(t, d);
            layerDepth.put(t.layer(), d);
            for (SymbolicTensor in : t.inputs()) depth.merge(in, d + 1, Math::max);
        }
        firstMet.forEach((t, index) -> layerFirstMet.merge(t.layer(), index, Math::min));
        List<Layer> layers = new ArrayList<>(layerDepth.keySet());
        layers.sort(Comparator.comparing((Layer l) -> -layerDepth.get(l)).thenComparing(layerFirstMet::get));
        List<SymbolicTensor> ordered = new ArrayList<>(dataFlowOrder);
        ordered.sort(Comparator.comparing((SymbolicTensor t) -> -depth.get(t)).thenComparing(firstMet::get));
        return new KerasOrder(ordered, layers);
    }

    /**
     * True when the model is one chain (each layer has one input and is called once): summary then has
     * 3 columns. A shared layer makes it a graph, as in Keras, whose summary then shows every call.
     */
    static boolean isChain(List<SymbolicTensor> inputs, List<SymbolicTensor> outputs, List<SymbolicTensor> nodes) {
        return nodes.stream().allMatch(t -> t.inputs().size() <= 1) && inputs.size() == 1 && outputs.size() == 1
                && nodes.stream().filter(t -> t.inputs().isEmpty()).count() == 1
                && nodes.stream().map(SymbolicTensor::layer).distinct().count() == nodes.size();
    }

    private static void meet(SymbolicTensor t, Map<SymbolicTensor, Integer> firstMet) {
        if (firstMet.containsKey(t)) return;
        firstMet.put(t, firstMet.size());
        for (SymbolicTensor in : t.inputs()) meet(in, firstMet);
    }
}
