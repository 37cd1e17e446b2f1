package layerwise.layers;

import java.util.Locale;

import layerwise.explain.Gradient;
import layerwise.ndarray.NDArray;
import layerwise.ndarray.Patches;
import layerwise.ndarray.Shape;

/**
 * What a pooling layer keeps of the numbers it pools, and so where the gradient goes back: the max
 * sends ∂L/∂y to the number that won and 0 to the others; the average shares it equally.
 */
enum Pool {
    MAX {
        @Override int[] newWinners(Patches.Geometry g) { return new int[g.rows() * g.c()]; }

        @Override NDArray windows(NDArray x, Patches.Geometry g, int[] winners) { return Patches.maxPool(x, g, winners); }

        @Override NDArray windowsBackward(NDArray gradOut, Patches.Geometry g, int[] winners) { return Patches.maxPoolBackward(gradOut, g, winners); }

        @Override NDArray overAxis(NDArray x, int axis) { return x.max(axis, true); }

        @Override NDArray overAxesBackward(NDArray x, NDArray y, NDArray gradOut) { return x.zip(y, (v, m) -> v == m ? 1f : 0f).mul(gradOut); }

        @Override Gradient windowGradient(Shape in, String window, long size) {
            return Gradients.input(in, Gradients.rule("∂L/∂y to the input that was the max of its window, 0 to the others",
                    "\\frac{\\partial L}{\\partial y}\\,[x_i = \\max]"),
                    "only the winner of each " + window + " window moved the output, so only it gets the gradient; the others get 0");
        }

        @Override Gradient globalGradient(Shape in) {
            return Gradients.input(in, Gradients.rule("∂L/∂y of the channel to the position holding its max, 0 elsewhere",
                    "\\frac{\\partial L}{\\partial y}\\,[x_p = \\max]"),
                    "one position of each channel won; only it moved the output");
        }
    },

    AVERAGE {
        @Override int[] newWinners(Patches.Geometry g) { return null; }

        @Override NDArray windows(NDArray x, Patches.Geometry g, int[] winners) { return Patches.avgPool(x, g); }

        @Override NDArray windowsBackward(NDArray gradOut, Patches.Geometry g, int[] winners) { return Patches.avgPoolBackward(gradOut, g); }

        @Override NDArray overAxis(NDArray x, int axis) { return x.mean(axis, true); }

        @Override NDArray overAxesBackward(NDArray x, NDArray y, NDArray gradOut) {
            int positions = x.size() / y.size();
            return gradOut.div(positions).broadcastTo(x.dims()).copy();
        }

        @Override Gradient windowGradient(Shape in, String window, long size) {
            return Gradients.input(in, Gradients.rule("∂L/∂y / " + size + " to each input of the window",
                    "\\frac{1}{" + size + "} \\frac{\\partial L}{\\partial y}"),
                    "each of the " + size + " inputs of a " + window + " window counts 1/" + size + " in the average, so it gets 1/" + size + " of the gradient");
        }

        @Override Gradient globalGradient(Shape in) {
            return Gradients.input(in, Gradients.rule("∂L/∂y / positions, to every position of the channel",
                    "\\frac{1}{P} \\frac{\\partial L}{\\partial y}"),
                    "every position counts equally in the mean, so the channel's gradient is shared equally");
        }
    };

    /** Where the max remembers which input of each window won, for backward; the average needs none (null). */
    abstract int[] newWinners(Patches.Geometry g);

    /** One number per window and channel of a channels-last batch. */
    abstract NDArray windows(NDArray x, Patches.Geometry g, int[] winners);

    abstract NDArray windowsBackward(NDArray gradOut, Patches.Geometry g, int[] winners);

    /** The max or mean along one axis, kept as size 1. */
    abstract NDArray overAxis(NDArray x, int axis);

    /** ∂L/∂x of pooling x down to y over whole axes, given ∂L/∂y in y's shape. */
    abstract NDArray overAxesBackward(NDArray x, NDArray y, NDArray gradOut);

    /** The backward rule of a window of {@code size} inputs, written as "2×2". */
    abstract Gradient windowGradient(Shape in, String window, long size);

    /** The backward rule of a pooling over all positions of each channel. */
    abstract Gradient globalGradient(Shape in);

    /** "max" or "average", for the explanations. */
    @Override public String toString() { return name().toLowerCase(Locale.ROOT); }
}
