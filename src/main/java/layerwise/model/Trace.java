package layerwise.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import layerwise.explain.Derivation;
import layerwise.explain.TextRenderer;
import layerwise.layers.InputLayer;
import layerwise.layers.Layer;
import layerwise.layers.SymbolicTensor;
import layerwise.ndarray.NDArray;
import layerwise.ndarray.Shape;

/**
 * A forward pass with real numbers, layer by layer, as students trace it with {@code print(x.shape)}:
 * each layer's worked shape formula (as explain), the shape of the array that really came out, its
 * min / mean / max, the share of zeros after relu, and a small corner of it.
 */
public final class Trace {
    /** One layer: what the formulas say and what really came out. */
    public record Step(Derivation derived, NDArray value, String activation) {
        /** True when the real array's shape (without the batch axis) is the derived one, None matching any size. */
        public boolean shapesAgree() {
            Shape want = derived.output();
            int[] got = value.dims();
            if (got.length != want.rank() + 1) return false;
            for (int i = 0; i < want.rank(); i++) if (want.dim(i) != Shape.NONE && want.dim(i) != got[i + 1]) return false;
            return true;
        }
    }

    private final String title;
    private final NDArray input;
    private final List<Step> steps;

    private Trace(String title, NDArray input, List<Step> steps) {
        this.title = title;
        this.input = input;
        this.steps = List.copyOf(steps);
    }

    static Trace of(Model model, NDArray x, GraphRun run) {
        List<Step> steps = new ArrayList<>();
        for (SymbolicTensor t : model.nodes()) {
            if (t.layer() instanceof InputLayer) continue;
            Layer layer = t.layer();
            steps.add(new Step(t.derivation(), run.valueOf(t), layer.outputActivation()));
        }
        String samples = x.dim(0) == 1 ? "1 sample" : x.dim(0) + " samples";
        return new Trace("Trace of \"" + model.name() + "\" on " + samples + ", input " + x.shape(), x, steps);
    }

    public List<Step> steps() { return steps; }

    /** The steps whose real shape differs from the derived one: a bug, which a test proves never happens. */
    public List<Step> mismatches() { return steps.stream().filter(s -> !s.shapesAgree()).toList(); }

    public String toText() {
        StringBuilder out = new StringBuilder(title).append('\n').append("  input   ").append(stats(input, "linear")).append("\n\n");
        for (Step s : steps) {
            out.append(TextRenderer.layer(s.derived()));
            out.append("  real shape  ").append(s.value().shape()).append(s.shapesAgree() ? "   ✓ as derived (batch of " + s.value().dim(0) + ")"
                    : "   ✗ differs from the derived " + s.derived().output().withBatch()).append('\n');
            out.append("  values      ").append(stats(s.value(), s.activation())).append('\n');
            out.append(corner(s.value()));
            out.append('\n');
        }
        return out.toString();
    }

    /** Prints the trace, as Keras's printing methods do. */
    public void print() { System.out.print(toText()); }

    @Override public String toString() { return toText(); }

    static String stats(NDArray a, String activation) {
        float[] v = a.contiguous().data();
        double min = Double.MAX_VALUE, max = -Double.MAX_VALUE, sum = 0;
        int zeros = 0;
        for (float f : v) {
            min = Math.min(min, f);
            max = Math.max(max, f);
            sum += f;
            if (f == 0f) zeros++;
        }
        String s = String.format(Locale.ROOT, "min %s  mean %s  max %s", num(min), num(sum / v.length), num(max));
        if (activation.equals("relu")) s += String.format(Locale.ROOT, "   zeros %.0f%% (relu cut every negative to 0)", 100.0 * zeros / v.length);
        return s;
    }

    /** Sample 0's corner: a 3×3 patch of channel 0 for images, the first values for vectors. */
    static String corner(NDArray a) {
        NDArray c = a.contiguous();
        int[] d = c.dims();
        StringBuilder out = new StringBuilder();
        if (d.length == 2) {
            int n = Math.min(d[1], 8);
            out.append("  first " + n + " of " + d[1] + "  ");
            for (int i = 0; i < n; i++) out.append(' ').append(num(c.get(0, i)));
            return out.append('\n').toString();
        }
        // rows × cols of the first channel; for a volume, its first slice
        int rows = Math.min(d[1], 3), cols = Math.min(d[2], 3);
        boolean image = d.length >= 4;
        out.append(image ? "  corner      channel 0, rows 0–" + (rows - 1) + ", cols 0–" + (cols - 1) + (d.length == 5 ? ", depth 0" : "") + ":\n"
                : "  corner      steps 0–" + (rows - 1) + ", features 0–" + (cols - 1) + ":\n");
        for (int r = 0; r < rows; r++) {
            out.append("             ");
            for (int k = 0; k < cols; k++) out.append(String.format(Locale.ROOT, "%10s", num(c.get(index(d.length, r, k)))));
            out.append('\n');
        }
        return out.toString();
    }

    private static int[] index(int rank, int r, int k) {
        int[] i = new int[rank];
        if (rank == 5) { i[2] = r; i[3] = k; } else { i[1] = r; i[2] = k; }
        return i;
    }

    private static String num(double v) { return String.format(Locale.ROOT, Math.abs(v) >= 1000 ? "%.1f" : "%.4f", v); }
}
