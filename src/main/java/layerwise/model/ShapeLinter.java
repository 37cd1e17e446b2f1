package layerwise.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import layerwise.layers.Conv2DTranspose;
import layerwise.layers.Convolution;
import layerwise.layers.Dense;
import layerwise.layers.Layer;
import layerwise.layers.Merge;
import layerwise.layers.Pooling;
import layerwise.layers.SymbolicTensor;
import layerwise.ndarray.Shape;

/**
 * Warns about models that build but probably do not do what was meant, before any data is seen:
 * Dense right after a convolution or pooling layer (it acts on the last axis only), windows that
 * never read some input positions, and (given a loss) an output layer that does not fit the loss.
 */
public final class ShapeLinter {

    /** One warning: the layer it is about, what is wrong, and the fix with its cost. */
    public record Warning(String layer, String message, String fix) {
        public String toText() { return "Warning: " + layer + ": " + message + (fix.isEmpty() ? "" : "\n  Fix: " + fix); }
    }

    private ShapeLinter() {}

    static List<Warning> lint(LayerGraph model) {
        List<Warning> out = new ArrayList<>();
        for (SymbolicTensor t : model.nodes()) {
            denseOnFeatureMap(t).ifPresent(out::add);
            if (!isProjectionShortcut(model, t)) out.addAll(skippedPositions(t));
        }
        return out;
    }

    static List<Warning> lint(LayerGraph model, String loss) {
        List<Warning> out = lint(model);
        out.addAll(LossFit.check(model, loss));
        return out;
    }

    /** Dense fed by a conv or pooling layer keeps the positions: the usual fix is Flatten or global pooling first. */
    private static Optional<Warning> denseOnFeatureMap(SymbolicTensor t) {
        if (!(t.layer() instanceof Dense dense) || t.inputs().size() != 1) return Optional.empty();
        SymbolicTensor before = t.inputs().get(0);
        Layer prev = before.layer();
        boolean featureMap = prev instanceof Convolution<?> || prev instanceof Pooling<?>;
        if (!featureMap || before.shape().rank() < 2) return Optional.empty();
        Shape in = before.shape();
        long u = dense.units(), c = in.last();
        String positions = in.dropLast().toString();
        String message = "it comes right after " + prev.label() + " and gets " + in.withBatch()
                + ". Dense acts on the last axis only, so its output stays " + (in.rank() + 1) + "-D: " + t.shape().withBatch()
                + ", one " + u + "-vector per position " + positions + " rather than one per sample"
                + " (right if you want an answer per position, as in segmentation).";
        String pool = "GlobalAveragePooling" + (in.rank() - 1) + "D";
        String flatten = in.isFullyKnown() ? flattenCost(in, u) : "Flatten() first (its size depends on the unknown axes)";
        String fix = flatten + "; or " + pool + "() first: " + c + "×" + u + " + " + u + " = " + String.format("%,d", c * u + u)
                + " params (averages each channel over the positions).";
        return Optional.of(new Warning(t.layer().label(), message, fix));
    }

    private static String flattenCost(Shape in, long u) {
        String factors = String.join("×", Arrays.stream(in.dims()).mapToObj(Long::toString).toList());
        try {
            long params = Math.addExact(Math.multiplyExact(in.size(), u), u);
            return "Flatten() first: " + factors + "×" + u + " + " + u + " = " + String.format("%,d", params)
                    + " params (keeps where each feature was)";
        } catch (ArithmeticException tooMany) {
            return "Flatten() first would need more than " + String.format("%,d", Long.MAX_VALUE) + " params";
        }
    }

    /**
     * A 1×1 convolution whose output, perhaps after BatchNormalization, is merged with another path, as
     * ResNet's projection shortcut {@code Conv2D(f, 1, strides=2)}: it skips positions on purpose, since
     * the main path reads them all and the shortcut only matches its shape.
     */
    private static boolean isProjectionShortcut(LayerGraph model, SymbolicTensor t) {
        if (!(t.layer() instanceof Convolution<?> c) || Arrays.stream(c.kernelSize()).anyMatch(k -> k != 1)) return false;
        SymbolicTensor at = t;
        while (true) {
            SymbolicTensor from = at;
            List<SymbolicTensor> users = model.nodes().stream().filter(n -> n.inputs().contains(from)).toList();
            if (users.size() != 1) return false;
            at = users.get(0);
            if (at.layer() instanceof Merge<?>) return true;
            if (at.inputs().size() != 1 || !at.shape().equals(from.shape())) return false;
        }
    }

    /** Windows that step over input positions (stride > kernel) or stop before the end ('valid' remainder). */
    private static List<Warning> skippedPositions(SymbolicTensor t) {
        int[] k, s, d;
        String padding, format;
        if (t.layer() instanceof Convolution<?> c && !(c instanceof Conv2DTranspose)) {
            k = c.kernelSize(); s = c.strides(); d = c.dilationRate(); padding = c.padding(); format = c.dataFormat();
        } else if (t.layer() instanceof Pooling<?> p) {
            k = p.poolSize(); s = p.stridesOrDefault(); d = null; padding = p.padding(); format = p.dataFormat();
        } else {
            return List.of();
        }
        Shape in = t.inputs().get(0).shape();
        List<String> axes = Convolution.spatialAxes(k.length);
        int first = format.equals("channels_last") ? 0 : 1;
        List<Warning> out = new ArrayList<>();
        for (int i = 0; i < k.length; i++) {
            long kEff = k[i] + (long) (k[i] - 1) * ((d == null ? 1 : d[i]) - 1);
            long w = in.dim(first + i);
            if (s[i] > kEff) {
                out.add(new Warning(t.layer().label(), "stride " + s[i] + " is larger than the window " + kEff + " along "
                        + axes.get(i) + ": " + (s[i] - kEff) + " of every " + s[i] + " input positions are never read.",
                        "use strides ≤ the window size (" + kEff + "), or a larger window"));
            } else if (padding.equals("valid") && w != Shape.NONE && w >= kEff && (w - kEff) % s[i] != 0) {
                long r = (w - kEff) % s[i];
                out.add(new Warning(t.layer().label(), "the last " + r + " of the " + w + " input " + axes.get(i)
                        + " are never read: (W − K) mod S = (" + w + " − " + kEff + ") mod " + s[i] + " = " + r
                        + ", so the last window would run past the edge and is dropped.",
                        "use padding(\"same\"), or an input size where (W − K) is a multiple of " + s[i]));
            }
        }
        return out;
    }
}
