package layerwise.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import layerwise.explain.Explanation;
import layerwise.explain.Svg;
import layerwise.layers.Role;
import layerwise.layers.SymbolicTensor;
import layerwise.ndarray.Shape;

/**
 * Draws a model as blocks, one per layer, top to bottom (as visualkeras and NN-SVG do): a block's width
 * grows with the numbers its output holds per sample, each block is labelled with name, type, output
 * shape and params, and arrows join each layer to the layers it feeds, so branches and merges of a
 * functional model show as a graph. A block's colour says what its layer does ({@link Role}), with a key.
 */
final class ModelDiagram {
    private static final double ROW = 78, BLOCK_H = 46, GAP = 24, MARGIN = 20, MIN_W = 190, MAX_W = 330, KEY_ROW = 17;

    private ModelDiagram() {}

    static Svg of(LayerGraph model) {
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
        Set<Role> roles = new TreeSet<>();
        for (SymbolicTensor t : nodes) roles.add(t.layer().role());
        double w = Math.max(widest + 2 * MARGIN, footer.length() * 6.3 + 2 * MARGIN);
        double h = rows.size() * ROW + 2 * MARGIN - (ROW - BLOCK_H) + 24 + KEY_ROW * roles.size();
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
        key(b, roles, MARGIN, h - 24 - KEY_ROW * roles.size());
        b.text(w / 2, h - 10, footer, 11, "middle");
        return b.build("Model \"" + model.name() + "\"");
    }

    private static void block(Svg.Builder b, SymbolicTensor t, double[] at) {
        boolean input = t.inputs().isEmpty();
        b.rect(at[0], at[1], at[2], BLOCK_H, color(t.layer().role()), "#333");
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

    /** The colour key: a swatch and the words for each role the model uses. */
    private static void key(Svg.Builder b, Set<Role> roles, double x, double top) {
        double y = top;
        for (Role r : roles) {
            b.rect(x, y, 14, 12, color(r), "#333");
            b.text(x + 20, y + 10, r.description(), 11, "start");
            y += KEY_ROW;
        }
    }

    /** One colour per role, so a student sees the convolution blocks, the pooling, the merges at a glance. */
    static String color(Role role) {
        return switch (role) {
            case INPUT -> "#eeeeee";
            case CONVOLUTION -> "#cfe2f3";
            case DENSE -> "#d9ead3";
            case SEQUENCE -> "#d9d2e9";
            case POOLING -> "#fce5cd";
            case NORMALIZATION -> "#fff2cc";
            case ACTIVATION -> "#f4cccc";
            case RESHAPING -> "#ead1dc";
            case MERGE -> "#d0e0e3";
            case OTHER -> "#ffffff";
        };
    }
}
