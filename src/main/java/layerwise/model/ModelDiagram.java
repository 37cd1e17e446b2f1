package layerwise.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import layerwise.explain.Explanation;
import layerwise.explain.Svg;
import layerwise.layers.SymbolicTensor;
import layerwise.ndarray.Shape;

/**
 * Draws a model as blocks, one per layer, top to bottom (as visualkeras and NN-SVG do): a block's width
 * grows with the numbers its output holds per sample, each block is labelled with name, type, output
 * shape and params, and arrows join each layer to the layers it feeds, so branches and merges of a
 * functional model show as a graph.
 */
final class ModelDiagram {
    private static final double ROW = 78, BLOCK_H = 46, GAP = 24, MARGIN = 20, MIN_W = 190, MAX_W = 330;

    private ModelDiagram() {}

    static Svg of(Model model) {
        List<SymbolicTensor> nodes = model.nodes();
        Map<SymbolicTensor, Integer> level = new HashMap<>();
        List<List<SymbolicTensor>> rows = new ArrayList<>();
        for (SymbolicTensor t : nodes) {
            int l = t.inputs().stream().mapToInt(i -> level.get(i) + 1).max().orElse(0);
            level.put(t, l);
            while (rows.size() <= l) rows.add(new ArrayList<>());
            rows.get(l).add(t);
        }
        double widest = rows.stream().mapToDouble(r -> r.stream().mapToDouble(ModelDiagram::width).sum() + GAP * (r.size() - 1)).max().orElse(MIN_W);
        String footer = "Model \"" + model.name() + "\": " + Explanation.thousands(model.countParams()) + " params; a block is wider when its output holds more numbers per sample";
        double w = Math.max(widest + 2 * MARGIN, footer.length() * 6.3 + 2 * MARGIN), h = rows.size() * ROW + 2 * MARGIN - (ROW - BLOCK_H) + 24;
        Svg.Builder b = new Svg.Builder(w, h);
        Map<SymbolicTensor, double[]> box = new HashMap<>();
        for (int r = 0; r < rows.size(); r++) {
            List<SymbolicTensor> row = rows.get(r);
            double total = row.stream().mapToDouble(ModelDiagram::width).sum() + GAP * (row.size() - 1), x = (w - total) / 2;
            for (SymbolicTensor t : row) {
                double bw = width(t), y = MARGIN + r * ROW;
                box.put(t, new double[] {x, y, bw});
                x += bw + GAP;
            }
        }
        for (SymbolicTensor t : nodes) {
            double[] to = box.get(t);
            for (SymbolicTensor in : t.inputs()) {
                double[] from = box.get(in);
                b.line(from[0] + from[2] / 2, from[1] + BLOCK_H, to[0] + to[2] / 2, to[1], "#555", true);
            }
        }
        for (SymbolicTensor t : nodes) block(b, t, box.get(t));
        b.text(w / 2, h - 10, footer, 11, "middle");
        return b.build("Model \"" + model.name() + "\"");
    }

    private static void block(Svg.Builder b, SymbolicTensor t, double[] at) {
        boolean input = t.inputs().isEmpty();
        String fill = input ? "#eeeeee" : color(t.layer().type());
        b.rect(at[0], at[1], at[2], BLOCK_H, fill, "#333");
        b.text(at[0] + at[2] / 2, at[1] + 19, t.layer().label(), 12, "middle");
        long params = input ? 0 : t.derivation().params();
        b.text(at[0] + at[2] / 2, at[1] + 36, t.shape().withBatch() + (params > 0 ? "  ·  " + Explanation.thousands(params) + " params" : ""), 11, "middle");
    }

    /** Wider for more numbers per sample: log-scaled, so a 150×150×3 image and a 10-vector both fit. */
    private static double width(SymbolicTensor t) {
        Shape s = t.shape();
        long n = 1;
        for (long d : s.dims()) n = d == Shape.NONE ? n : Math.multiplyExact(n, Math.max(d, 1));
        double label = 7.2 * Math.max(t.layer().label().length(), (s.withBatch() + " · 9,999,999 params").length() * 0.85);
        return Math.max(Math.min(MIN_W + 8 * Math.log(n) / Math.log(2), MAX_W), label);
    }

    /** One colour per family of layers, so a student sees the convolution blocks at a glance. */
    private static String color(String type) {
        if (type.contains("Conv")) return "#cfe2f3";
        if (type.contains("Pooling")) return "#fce5cd";
        if (type.equals("Dense")) return "#d9ead3";
        if (type.contains("Normalization") || type.equals("Dropout")) return "#fff2cc";
        if (type.equals("Flatten") || type.equals("Reshape")) return "#ead1dc";
        return "#e6e0f8";
    }
}
