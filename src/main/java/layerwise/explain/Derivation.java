package layerwise.explain;

import java.util.ArrayList;
import java.util.List;

import layerwise.error.Problem;
import layerwise.error.ShapeException;
import layerwise.ndarray.Shape;

/**
 * How one layer turns its input shape into its output shape and its parameter count, written as a list
 * of formulas. The same object gives the numbers (shape inference, summary) and the worked text
 * (explain, error messages), so the two cannot drift apart.
 * <pre>
 *   Derivation.of("conv2d", "Conv2D", in)
 *       .dim("rows", "O", rowsRule).dim("cols", "O", colsRule).dim("channels", filters)
 *       .params(kh.times(kw).times(cIn).times(f).plus(f));
 * </pre>
 */
public final class Derivation {

    /** One printed line: a label, an optional left-hand symbol, the formula, and a short note. */
    public record Line(Kind kind, String label, String lhs, Expr expr, String note, Gradient gradient) {
        public enum Kind { NOTE, STEP, DIM, KEEP, PARAMS, NON_TRAINABLE, GRADIENT }

        Line(Kind kind, String label, String lhs, Expr expr, String note) { this(kind, label, lhs, expr, note, null); }
    }

    private final String layerName, layerType;
    private final List<Shape> inputs;
    private final List<Line> lines = new ArrayList<>();
    private final List<Long> outDims = new ArrayList<>();
    private Expr params = Expr.of(0), nonTrainable = Expr.of(0), macs = Expr.of(0);
    private String emptyWhy = "", emptyFix = "";
    /** True for a backward pass: the input is ∂L/∂y, the output ∂L/∂x. */
    private boolean backward;

    private Derivation(String layerName, String layerType, List<Shape> inputs) {
        this.layerName = layerName;
        this.layerType = layerType;
        this.inputs = List.copyOf(inputs);
    }

    public static Derivation of(String layerName, String layerType, Shape in) {
        return new Derivation(layerName, layerType, List.of(in));
    }

    public static Derivation of(String layerName, String layerType, List<Shape> inputs) {
        return new Derivation(layerName, layerType, inputs);
    }

    /**
     * The backward pass of a layer: from ∂L/∂y, of shape {@code gradOut}, to the gradients of its weights
     * and ∂L/∂x, whose shape (the layer's input shape) becomes this derivation's output.
     */
    public static Derivation backward(String layerName, String layerType, Shape gradOut) {
        Derivation d = new Derivation(layerName, layerType, List.of(gradOut));
        d.backward = true;
        return d;
    }

    public boolean isBackward() { return backward; }

    /** One gradient; the first ∂L/∂x (of {@link Gradient#INPUT}) also gives the output: its shape without the batch axis. */
    public Derivation gradient(Gradient g) {
        lines.add(new Line(Line.Kind.GRADIENT, g.of(), g.symbol(), g.count(), g.note(), g));
        if ((g.of().startsWith(Gradient.INPUT) || g.of().equals(Gradient.OUTPUT)) && outDims.isEmpty()) {
            for (int i = 1; i < g.shape().size(); i++) outDims.add(g.shape().get(i).value());
        }
        return this;
    }

    /** The gradients, in the order they were added. */
    public List<Gradient> gradients() {
        return lines.stream().filter(l -> l.kind() == Line.Kind.GRADIENT).map(Line::gradient).toList();
    }

    /** A sentence that explains the rule, printed between the formulas. */
    public Derivation note(String text) {
        lines.add(new Line(Line.Kind.NOTE, "", "", null, text));
        return this;
    }

    /** An intermediate quantity, such as the effective kernel size or the padding. */
    public Derivation step(String label, String lhs, Expr e, String note) {
        lines.add(new Line(Line.Kind.STEP, label, lhs, e, note));
        return this;
    }

    /** What to tell the learner if an output axis comes out as zero or less: why, and the fix. */
    public Derivation ifEmpty(String why, String fix) {
        this.emptyWhy = why;
        this.emptyFix = fix;
        return this;
    }

    /** The next output axis, computed by a formula. Fails with the worked formula if it is zero or less. */
    public Derivation dim(String axis, String lhs, Expr e, String note) {
        Line line = new Line(Line.Kind.DIM, axis, lhs, e, note);
        lines.add(line);
        if (e.known() && e.value() <= 0) throw emptyAxis(line);
        outDims.add(e.value());
        return this;
    }

    public Derivation dim(String axis, String lhs, Expr e) { return dim(axis, lhs, e, ""); }

    /** The next output axis, copied unchanged from the input. */
    public Derivation keep(String axis, long size) {
        lines.add(new Line(Line.Kind.KEEP, axis, "", Expr.of(size), "unchanged"));
        outDims.add(size);
        return this;
    }

    /** The trainable weights and biases of the layer. */
    public Derivation params(Expr e, String note) {
        params = e;
        lines.add(new Line(Line.Kind.PARAMS, "params", "", e, note));
        return this;
    }

    public Derivation params(Expr e) { return params(e, ""); }

    /** Numbers the layer keeps but training does not change, such as BatchNormalization's moving mean. */
    public Derivation nonTrainableParams(Expr e, String note) {
        nonTrainable = e;
        lines.add(new Line(Line.Kind.NON_TRAINABLE, "non-trainable", "", e, note));
        return this;
    }

    /** Multiply-adds for one sample, shown by summary's extra columns and never in the explanation. */
    public Derivation macs(Expr e) {
        macs = e;
        return this;
    }

    private ShapeException emptyAxis(Line line) {
        String worked = line.label() + ": " + Explanation.formula(line, Notation.TEXT);
        String got = inputs.size() == 1 ? "input " + inputs.get(0).withBatch() : "inputs " + inputs;
        return new ShapeException(Problem.at(label())
                .headline("One of the dimensions in the output is <= 0 due to downsampling in " + layerName
                        + ". Consider increasing the input size. Received input shape " + got.replace("input ", "")
                        + " which would produce output shape with a zero or negative value in a dimension.")
                .expected("every output axis to have at least 1 element")
                .got(worked)
                .why(emptyWhy)
                .fix(emptyFix));
    }

    /** The output shape, without the batch axis. */
    public Shape output() {
        return Shape.of(outDims.stream().mapToLong(Long::longValue).toArray());
    }

    public String layerName() { return layerName; }
    public String layerType() { return layerType; }
    /** "conv2d (Conv2D)", the way Keras names a layer in summary(). */
    public String label() { return layerName + " (" + layerType + ")"; }
    public List<Shape> inputs() { return inputs; }
    public List<Line> lines() { return List.copyOf(lines); }
    public long trainableParams() { return params.value(); }
    public long nonTrainableParams() { return nonTrainable.value(); }
    public long params() { return Math.addExact(params.value(), nonTrainable.value()); }
    public long macs() { return macs.value(); }
    /** The multiply-add count as a formula, for exercises that ask for it and show how it is worked out. */
    public Expr macsFormula() { return macs; }

    public Explanation explanation() { return new Explanation("", List.of(this), List.of()); }
}
