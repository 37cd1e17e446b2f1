package layerwise.train;

import static layerwise.train.WorkedUpdate.num;

import java.util.List;
import java.util.Locale;

import layerwise.layers.Param;

/**
 * One real training step, worked with its numbers: the batch's loss, then for one weight of each layer
 * (the one with the largest gradient) its value, its gradient, the optimizer's formula filled in, and
 * the value the step really left in the weight.
 */
public final class StepExplanation {

    /** One weight through the step: before, gradient, the worked update, and the value after the real step. */
    public record Weight(String label, Param param, int index, double before, double gradient, WorkedUpdate update, double after) {
        /** "kernel[12, 3]": the weight's place in its array. */
        public String place() {
            int[] dims = param.value().dims();
            int[] at = new int[dims.length];
            for (int k = dims.length - 1, rest = index; k >= 0; k--) {
                at[k] = rest % dims[k];
                rest /= dims[k];
            }
            StringBuilder s = new StringBuilder(param.name()).append('[');
            for (int k = 0; k < at.length; k++) s.append(k == 0 ? "" : ", ").append(at[k]);
            return s.append(']').toString();
        }
    }

    private final String heading, lossName;
    private final double loss;
    private final List<Weight> weights;

    StepExplanation(String heading, String lossName, double loss, List<Weight> weights) {
        this.heading = heading;
        this.lossName = lossName;
        this.loss = loss;
        this.weights = List.copyOf(weights);
    }

    public double loss() { return loss; }
    public List<Weight> weights() { return weights; }

    public String toText() {
        StringBuilder out = new StringBuilder(heading).append('\n');
        out.append(String.format(Locale.ROOT, "  loss (%s) on the batch before the step: %.4f%n", lossName, loss));
        out.append("  backward filled every weight's gradient ∂L/∂w (same shape as the weight); the optimizer then moved every weight.\n");
        out.append("  One weight per layer, the one with the largest gradient:\n\n");
        for (Weight w : weights) {
            out.append(w.label()).append(' ').append(w.place()).append(" of ").append(w.param().value().shape()).append('\n');
            out.append("  w = ").append(num(w.before())).append("   g = ∂L/∂w = ").append(num(w.gradient())).append('\n');
            for (String line : w.update().lines()) out.append("  ").append(line).append('\n');
            out.append("  after the step the weight holds ").append(num(w.after()));
            if (!w.update().lines().isEmpty()) out.append(num(w.after()).equals(num(w.update().predicted())) ? "   ✓ as worked out" : "   ✗ differs from the worked value");
            out.append("\n\n");
        }
        return out.toString();
    }

    /** The same text in a block that keeps its alignment in a notebook, with no script needed. */
    public String toHtml() {
        return "<pre style=\"white-space: pre-wrap\">" + toText().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") + "</pre>";
    }

    /** Prints the worked step, as Keras's printing methods do. */
    public void print() { System.out.print(toText()); }

    @Override public String toString() { return toText(); }
}
