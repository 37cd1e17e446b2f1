package layerwise.layers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import layerwise.error.ConfigException;
import layerwise.error.Problem;
import layerwise.error.ShapeException;
import layerwise.explain.Derivation;
import layerwise.explain.Expr;
import layerwise.ndarray.NDArray;
import layerwise.ndarray.Shape;

/**
 * Lays the same numbers of a sample out in a new shape; at most one axis may be −1, worked out so the
 * total stays the same. N = d_1×…×d_n must equal t_1×…×t_m; no parameters.
 * Input shape: any. Output shape: the target shape (the batch axis stays).
 */
public final class Reshape extends FluentLayer<Reshape> {
    private final long[] target;
    private int[] savedDims;

    /** {@code new Reshape(28, 28, 1)}, or {@code new Reshape(-1, 4)} to let Keras work out the first axis. */
    public Reshape(long... targetShape) {
        this.target = targetShape.clone();
        long unknown = Arrays.stream(target).filter(t -> t == -1).count();
        if (unknown > 1 || Arrays.stream(target).anyMatch(t -> t == 0 || t < -1)) {
            throw new ConfigException(Problem.at(label())
                    .headline(unknown > 1
                            ? "There must be at most one unknown dimension in output_shape. Received: output_shape=" + tuple()
                            : "Invalid target_shape " + tuple() + ": every size must be positive, or -1 for one unknown axis.")
                    .expected("positive sizes, with at most one -1").got(tuple())
                    .why("−1 means \"whatever is left\": with two of them the split would be ambiguous")
                    .fix("write every size but one, and −1 for that one"));
        }
    }

    public long[] targetShape() { return target.clone(); }

    @Override
    protected Derivation derive(Shape in) {
        Derivation d = start(in).note("Reshape keeps the numbers of each sample and their order, and only regroups them into new axes");
        List<Expr> factors = new ArrayList<>();
        for (int i = 0; i < in.rank(); i++) factors.add(Expr.var("d_" + (i + 1), in.dim(i)));
        Expr n = factors.isEmpty() ? Expr.of(1) : Expr.product(factors);
        d.step("input size", "N", n, "numbers per sample");
        List<Expr> known = new ArrayList<>();
        for (long t : target) if (t != -1) known.add(Expr.of(t));
        Expr knownSize = known.isEmpty() ? Expr.of(1) : Expr.product(known);
        boolean inferred = target.length > known.size();
        if (n.value() != Shape.NONE && (inferred ? n.value() % knownSize.value() != 0 : n.value() != knownSize.value())) {
            throw sizeMismatch(in, n, knownSize, inferred);
        }
        for (int i = 0; i < target.length; i++) {
            if (target[i] != -1) {
                d.dim("axis " + (i + 1), "", Expr.of(target[i]), "as given");
            } else {
                d.dim("axis " + (i + 1), "", Expr.var("N", n.value()).dividedBy(knownSize), "−1: whatever is left of N");
            }
        }
        return d;
    }

    private ShapeException sizeMismatch(Shape in, Expr n, Expr knownSize, boolean inferred) {
        String inSize = n.symbolic() + " = " + n.numeric() + " = " + String.format("%,d", n.value());
        String outSize = knownSize.numeric().equals(Long.toString(knownSize.value())) ? String.format("%,d", knownSize.value())
                : String.format("%s = %,d", knownSize.numeric(), knownSize.value());
        return new ShapeException(Problem.at(label())
                .headline("total size of new array must be unchanged, input_shape = " + in + ", output_shape = " + tuple())
                .expected(inferred ? "N = " + inSize + " to be a multiple of the given size(s) " + outSize + ", so that −1 comes out whole"
                                   : "the target to hold N = " + inSize + " numbers")
                .got(inferred ? String.format("%,d / %,d leaves a remainder of %,d", n.value(), knownSize.value(), n.value() % knownSize.value())
                              : "a target of " + outSize + " numbers")
                .why("Reshape only regroups the numbers of a sample; it cannot add or drop any")
                .fix(inferred ? "choose given sizes whose product divides " + String.format("%,d", n.value()) + " (" + divisors(n.value()) + ")"
                              : "make the target sizes multiply to " + String.format("%,d", n.value()) + ", or write −1 for one axis to have it worked out"));
    }

    /** The first few numbers that divide n: the sizes a learner can choose from. */
    private static String divisors(long n) {
        List<String> ds = new ArrayList<>();
        for (long k = 2; k < n && ds.size() < 8; k++) if (n % k == 0) ds.add(Long.toString(k));
        return ds.isEmpty() ? n + " is prime: only 1 and " + n + " divide it" : "e.g. " + String.join(", ", ds);
    }

    /** A view: the batch axis stays, each sample's numbers are regrouped in the same order. */
    @Override
    public NDArray forward(NDArray x, boolean training) {
        savedDims = x.dims();
        int[] dims = new int[target.length + 1];
        dims[0] = x.dim(0);
        for (int i = 0; i < target.length; i++) dims[i + 1] = (int) target[i];
        return x.reshape(dims);
    }

    @Override
    public NDArray backward(NDArray gradOut) { return gradOut.reshape(savedDims); }

    /** The target as Python prints it: (4, -1), and (6,) for one axis. */
    private String tuple() {
        List<String> parts = Arrays.stream(target).mapToObj(Long::toString).toList();
        return "(" + String.join(", ", parts) + (parts.size() == 1 ? ",)" : ")");
    }

    @Override
    protected void addConfig(Map<String, Object> c) {
        c.put("target_shape", Arrays.stream(target).boxed().toList());
    }

    @Override public Role role() { return Role.RESHAPING; }
}
