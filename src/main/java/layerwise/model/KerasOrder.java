package layerwise.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    static KerasOrder of(List<? extends SymbolicTensor> outputs, List<SymbolicTensor> dataFlowOrder) {
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

    private static void meet(SymbolicTensor t, Map<SymbolicTensor, Integer> firstMet) {
        if (firstMet.containsKey(t)) return;
        firstMet.put(t, firstMet.size());
        for (SymbolicTensor in : t.inputs()) meet(in, firstMet);
    }
}
