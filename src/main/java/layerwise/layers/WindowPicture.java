package layerwise.layers;

import java.util.ArrayList;
import java.util.List;

import layerwise.error.ConfigException;
import layerwise.error.Problem;
import layerwise.explain.Derivation;
import layerwise.explain.Derivation.Line;
import layerwise.explain.Explanation;
import layerwise.explain.Svg;

/**
 * The picture of a window sliding over its input, for convolution and pooling layers: the input grid
 * with its zero padding shaded, the window at its first two positions and the stride between them,
 * the output grid with the two outputs they make, and the layer's own formulas with their numbers.
 * Everything is read from the layer's derivation, so the picture shows the rule that computes the shape.
 */
final class WindowPicture {
    private static final double CELL = 22, MARGIN = 24;
    private static final int SHOWN = 14;
    private static final String FIRST = "#d62728", SECOND = "#1f77b4";

    private WindowPicture() {}

    /** One spatial axis as the derivation gives it: input size, padding before, output size, and its formula. */
    private record Axis(String name, long in, long padBefore, long padAfter, long out, List<String> formulas) {}

    static Svg draw(Layer layer, Derivation d, long[] spatialIn, int[] window, int[] strides, String padding) {
        if (spatialIn.length > 2) {
            throw new ConfigException(Problem.at(layer.label())
                    .headline("picture() draws windows over 1 or 2 spatial axes; " + layer.name() + " slides over " + spatialIn.length + ".")
                    .expected("a 1-D or 2-D convolution or pooling layer").got(layer.type())
                    .fix("use explain() for the formulas of a 3-D window"));
        }
        List<Axis> axes = axes(d, spatialIn);
        Axis rows = axes.size() == 2 ? axes.get(0) : new Axis("rows", 1, 0, 0, 1, List.of()), cols = axes.get(axes.size() - 1);
        int kh = window.length == 2 ? window[0] : 1, kw = window[window.length - 1];
        int sw = strides[strides.length - 1];
        int inRows = (int) Math.min(rows.padBefore() + rows.in() + rows.padAfter(), SHOWN), inCols = (int) Math.min(cols.padBefore() + cols.in() + cols.padAfter(), SHOWN);
        int outRows = (int) Math.min(rows.out(), SHOWN), outCols = (int) Math.min(cols.out(), SHOWN);
        double gridW = inCols * CELL, outX = MARGIN + gridW + 70, top = 62;
        double width = Math.max(outX + outCols * CELL + MARGIN, 700), height = top + Math.max(inRows, outRows) * CELL + 40 + 18 * (2 * axes.size() + 2);
        Svg.Builder b = new Svg.Builder(width, height);
        b.text(MARGIN, 22, layer.label() + ": window " + (window.length == 2 ? kh + "×" : "") + kw + ", stride " + sw
                + (window.length == 2 && strides[0] != sw ? " (rows " + strides[0] + ")" : "") + ", padding '" + padding + "'"
                + (cols.padBefore() + cols.padAfter() > 0 ? ": " + cols.padBefore() + " before, " + cols.padAfter() + " after" : ""), 14, "start");
        b.text(MARGIN, top - 10, "input " + (axes.size() == 2 ? rows.in() + "×" : "") + cols.in() + (rows.padBefore() + cols.padBefore() > 0 ? " + zero padding (grey)" : ""), 12, "start");
        b.text(outX, top - 10, "output " + (axes.size() == 2 ? rows.out() + "×" : "") + cols.out(), 12, "start");
        for (int r = 0; r < inRows; r++) {
            for (int c = 0; c < inCols; c++) {
                boolean pad = r < rows.padBefore() || r >= rows.padBefore() + rows.in() || c < cols.padBefore() || c >= cols.padBefore() + cols.in();
                b.rect(MARGIN + c * CELL, top + r * CELL, CELL, CELL, pad ? "#d0d0d0" : "#ffffff", "#999");
            }
        }
        for (int r = 0; r < outRows; r++) for (int c = 0; c < outCols; c++) b.rect(outX + c * CELL, top + r * CELL, CELL, CELL, "#ffffff", "#999");
        b.rect(outX, top, CELL, CELL, "#f4cccc", FIRST);
        b.frame(MARGIN, top, Math.min(kw, inCols) * CELL, Math.min(kh, inRows) * CELL, FIRST, 3);
        if (cols.out() > 1 && sw + kw <= inCols) {
            b.rect(outX + CELL, top, CELL, CELL, "#cfe2f3", SECOND);
            b.frame(MARGIN + sw * CELL + 2, top + 2, kw * CELL - 4, Math.min(kh, inRows) * CELL - 4, SECOND, 3);
            b.line(MARGIN + CELL / 2, top + Math.min(kh, inRows) * CELL + 12, MARGIN + (sw + 0.5) * CELL, top + Math.min(kh, inRows) * CELL + 12, "#555", true);
            b.text(MARGIN + (sw + 1) * CELL + 4, top + Math.min(kh, inRows) * CELL + 16, "stride S = " + sw, 11, "start");
        }
        b.line(MARGIN + gridW + 10, top + CELL / 2, outX - 10, top + CELL / 2, "#555", true);
        double y = top + Math.max(inRows, outRows) * CELL + 40;
        if (inRows < rows.padBefore() + rows.in() + rows.padAfter() || inCols < cols.padBefore() + cols.in() + cols.padAfter()) {
            b.text(MARGIN, y - 14, "(only the top-left " + inRows + "×" + inCols + " cells are drawn)", 11, "start");
        }
        for (Axis a : axes) {
            for (String f : a.formulas()) {
                b.text(MARGIN, y, a.name() + ": " + f, 12, "start");
                y += 18;
            }
        }
        b.text(MARGIN, y, "O output size · W input size · K window · S stride · P padding. Each colour: a window and its output.", 11, "start");
        return b.build(layer.label() + " window");
    }

    /** Reads each spatial axis's output size, formula and padding from the derivation's lines. */
    private static List<Axis> axes(Derivation d, long[] spatialIn) {
        List<String> names = Convolution.spatialAxes(spatialIn.length);
        List<Axis> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            Line dim = null;
            long total = 0, left = -1;
            List<String> formulas = new ArrayList<>();
            boolean inAxis = false;
            for (Line line : d.lines()) {
                if (line.kind() == Line.Kind.DIM) inAxis = line.label().equals(names.get(i));
                if (inAxis && line.kind() == Line.Kind.DIM) dim = line;
                if (inAxis && line.expr() != null && line.kind() != Line.Kind.KEEP) formulas.add(Explanation.formulaText(line));
                if (inAxis && line.kind() == Line.Kind.STEP && line.lhs().equals("P_total")) total = line.expr().value();
                if (inAxis && line.kind() == Line.Kind.STEP && line.lhs().equals("P_left")) left = line.expr().value();
            }
            long before = left >= 0 ? left : total / 2, after = left >= 0 ? 0 : total - total / 2;
            out.add(new Axis(names.get(i), spatialIn[i], before, after, dim.expr().value(), formulas));
        }
        return out;
    }
}
