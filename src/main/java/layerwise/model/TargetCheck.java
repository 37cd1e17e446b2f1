package layerwise.model;

import java.util.Arrays;
import java.util.Optional;

import layerwise.error.Problem;
import layerwise.error.ShapeException;
import layerwise.layers.Dense;
import layerwise.layers.InputLayer;
import layerwise.layers.SymbolicTensor;
import layerwise.ndarray.Shape;

/**
 * Compares a target array's shape (with its batch axis) with the model's output before training, and
 * explains a mismatch. The classic case: Dense after Conv2D without Flatten keeps the model 4-D, so a
 * (100, 10) target cannot match the (None, 98, 98, 10) output.
 */
final class TargetCheck {
    private TargetCheck() {}

    static void check(LayerGraph model, long... target) { check(model, false, target); }

    /** With {@code regression} (an mse or mae loss) a wrong width is a number of target values, not of classes. */
    static void check(LayerGraph model, boolean regression, long... target) {
        Shape out = model.outputShape();
        SymbolicTensor last = model.outputs().get(0);
        String outName = last.layer().name();
        String got = shapeText(target);
        if (target.length != out.rank() + 1) {
            Optional<SymbolicTensor> dense = denseOnManyAxes(model);
            Problem p = Problem.at(last.layer().label())
                    .headline("Error when checking target: expected " + outName + " to have " + (out.rank() + 1)
                            + " dimensions, but got array with shape " + got)
                    .expected("targets shaped like the model output " + out.withBatch() + ", i.e. (samples" + tail(out) + ")")
                    .got("an array of shape " + got + ", rank " + target.length);
            if (dense.isPresent()) {
                SymbolicTensor d = dense.get();
                SymbolicTensor before = d.inputs().get(0);
                p = p.why("Dense acts on the last axis only; the other axes pass through. " + d.layer().name()
                                + " got " + before.shape().withBatch() + " from " + before.layer().name()
                                + ", so it kept the axes " + before.shape().dropLast() + " and the model's output stayed "
                                + (out.rank() + 1) + "-D: one prediction per position instead of one per sample")
                        .fix("add Flatten() after " + before.layer().name() + " (or GlobalAveragePooling2D()), so that "
                                + d.layer().name() + " sees one vector per sample");
            } else {
                p = p.fix("reshape the targets to " + out.withBatch().replace("None", Long.toString(target[0]))
                        + ", or change the last layers so the output has the targets' shape");
            }
            throw new ShapeException(p);
        }
        for (int i = 0; i < out.rank(); i++) {
            if (out.dim(i) != Shape.NONE && out.dim(i) != target[i + 1]) {
                throw new ShapeException(Problem.at(last.layer().label())
                        .headline("Error when checking target: expected " + outName + " to have shape " + out
                                + " but got array with shape " + got)
                        .expected("axis " + (i + 1) + " of the targets to be " + out.dim(i) + ", as in the model output " + out.withBatch())
                        .got("axis " + (i + 1) + " = " + target[i + 1] + " in " + got)
                        .fix(!(last.layer() instanceof Dense) ? "change the model or the targets so that the two shapes agree"
                                : regression ? "make the last layer Dense(" + target[i + 1] + ") with a linear activation (one unit per target value)"
                                : "make the last Dense layer's units " + target[i + 1] + " (one per class), or encode the targets with " + out.dim(i) + " columns"));
            }
        }
    }

    /** The first Dense layer that received more than one axis per sample right after a conv or pooling layer. */
    private static Optional<SymbolicTensor> denseOnManyAxes(LayerGraph model) {
        return model.nodes().stream()
                .filter(t -> t.layer() instanceof Dense && t.inputs().size() == 1)
                .filter(t -> t.inputs().get(0).shape().rank() > 1 && !(t.inputs().get(0).layer() instanceof InputLayer))
                .findFirst();
    }

    private static String tail(Shape s) {
        StringBuilder b = new StringBuilder();
        for (long d : s.dims()) b.append(", ").append(d == Shape.NONE ? "None" : Long.toString(d));
        return b.toString();
    }

    static String shapeText(long... dims) {
        if (dims.length == 1) return "(" + dims[0] + ",)";
        return "(" + String.join(", ", Arrays.stream(dims).mapToObj(Long::toString).toList()) + ")";
    }
}
