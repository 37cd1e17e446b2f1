package layerwise.layers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import layerwise.error.Problem;
import layerwise.error.ShapeException;
import layerwise.explain.Derivation;
import layerwise.explain.Expr;
import layerwise.explain.Gradient;
import layerwise.ndarray.NDArray;
import layerwise.ndarray.Shape;

/**
 * The dot product of two tensors along one axis each, sample by sample: two vectors give one number,
 * (T1, d)·(T2, d) along axes 2 and 2 gives the (T1, T2) table of every pair's similarity. With
 * normalize(true) the vectors are first scaled to length 1, so the result is the cosine similarity.
 * Input shape: two shapes of rank 1 or 2 that agree on the summed axes. Output shape: the other axes, or (1,).
 */
public final class Dot extends Merge<Dot> {
    private final int axisA, axisB;
    private boolean normalize;
    private NDArray savedA, savedB, savedNormA, savedNormB;
    private int[] savedDimsA, savedDimsB;

    /** The same axis of both inputs, counted as Keras counts it (1 is the first after the batch axis, −1 the last). */
    public Dot(int axes) { this(axes, axes); }

    public Dot(int axisA, int axisB) {
        this.axisA = axisA;
        this.axisB = axisB;
    }

    /** Scale each vector along the summed axis to length 1 first: the dot product becomes the cosine similarity. */
    public Dot normalize(boolean n) { checkNotBuilt(); normalize = n; return this; }

    @Override
    protected Derivation merge(List<Shape> inputs) {
        if (inputs.size() != 2) {
            throw problem("A `Dot` layer should be called on a list of 2 inputs. Received: " + inputs.size() + " inputs",
                    "two tensors: apply(a, b)", inputs.toString(), "take dot products two at a time");
        }
        Shape a = inputs.get(0), b = inputs.get(1);
        for (Shape s : inputs) {
            if (s.rank() < 1 || s.rank() > 2) {
                throw problem("Dot takes vectors (n,) or sequences (T, d); got " + s.withBatch(), "inputs of rank 2 or 3 with the batch axis",
                        s.withBatch(), "Flatten or Reshape the input to (n,) or (T, d) first");
            }
        }
        int ia = sample(a, axisA), ib = sample(b, axisB);
        if (a.isKnown(ia) && b.isKnown(ib) && a.dim(ia) != b.dim(ib)) {
            throw problem("Incompatible input shapes: axis values " + a.dim(ia) + " (at axis " + (ia + 1) + ") != " + b.dim(ib)
                    + " (at axis " + (ib + 1) + "). Full input shapes: " + a.withBatch() + ", " + b.withBatch(),
                    "the summed axes of equal size", "sizes " + a.dim(ia) + " and " + b.dim(ib),
                    "choose axes of the same size, e.g. new Dot(" + (ia + 1) + ", " + (a.rank() == b.rank() ? ia + 1 : ib + 1) + ")");
        }
        Derivation d = Derivation.of(name(), type(), inputs).note("multiplies the two inputs position by position along axis "
                + (ia + 1) + " of the first and axis " + (ib + 1) + " of the second and sums" + (normalize ? ", after scaling both to length 1 (cosine similarity)" : "")
                + "; the other axes of the first, then of the second, remain");
        List<Long> rest = new ArrayList<>();
        for (int i = 0; i < a.rank(); i++) if (i != ia) rest.add(a.dim(i));
        for (int i = 0; i < b.rank(); i++) if (i != ib) rest.add(b.dim(i));
        if (rest.isEmpty()) d.dim("dot", "", Expr.of(1), "one number per sample");
        for (int i = 0; i < rest.size(); i++) d.keep("axis " + (i + 1), rest.get(i));
        return d.macs(Expr.of(Math.max(1, rest.stream().reduce(1L, (x, y) -> x * Math.max(y, 1)))).times(Math.max(a.dim(ia), 1)));
    }

    private int sample(Shape s, int axis) {
        int k = axis < 0 ? axis + s.rank() : axis - 1;
        if (k >= 0 && k < s.rank()) return k;
        throw problem("Invalid axis " + axis + " for Dot on " + s.withBatch(), "an axis from 1 to " + s.rank() + ", or −1",
                "axis " + axis, "Dot never sums over the batch axis 0; use an axis between 1 and " + s.rank());
    }

    /** Both inputs as (batch, m, k) and (batch, k, n) views, then one batched matmul. */
    @Override
    public NDArray forward(List<NDArray> inputs, boolean training) {
        merge(inputs.stream().map(Layer::sampleShape).toList());
        savedDimsA = inputs.get(0).dims();
        savedDimsB = inputs.get(1).dims();
        NDArray a = left(inputs.get(0)), b = right(inputs.get(1));
        if (normalize) {
            savedNormA = length(a, 2);
            savedNormB = length(b, 1);
            a = a.div(savedNormA);
            b = b.div(savedNormB);
        }
        savedA = a;
        savedB = b;
        NDArray y = a.matmul(b);
        return y.reshape(outDims(y));
    }

    @Override
    public List<NDArray> backwardToInputs(NDArray gradOut) {
        NDArray g = gradOut.reshape(savedA.dim(0), savedA.dim(1), savedB.dim(2));
        NDArray da = g.matmul(savedB.permute(0, 2, 1)), db = savedA.permute(0, 2, 1).matmul(g);
        if (normalize) {
            da = da.sub(savedA.mul(da.mul(savedA).sum(2, true))).div(savedNormA);
            db = db.sub(savedB.mul(db.mul(savedB).sum(1, true))).div(savedNormB);
        }
        return List.of(unleft(da, savedDimsA), unright(db, savedDimsB));
    }

    /** √(max(Σx², 10⁻¹²)) along the axis, as Keras's l2_normalize. */
    private static NDArray length(NDArray x, int axis) { return x.square().sum(axis, true).map(v -> (float) Math.sqrt(Math.max(v, 1e-12))); }

    /** (batch, m, k) with the summed axis last. */
    private NDArray left(NDArray x) {
        if (x.rank() == 2) return x.reshape(x.dim(0), 1, x.dim(1));
        return sampleAxis(axisA, 2) == 1 ? x : x.permute(0, 2, 1);
    }

    /** (batch, k, n) with the summed axis first. */
    private NDArray right(NDArray x) {
        if (x.rank() == 2) return x.reshape(x.dim(0), x.dim(1), 1);
        return sampleAxis(axisB, 2) == 0 ? x : x.permute(0, 2, 1);
    }

    private NDArray unleft(NDArray g, int[] dims) {
        if (dims.length == 2) return g.reshape(dims);
        return (sampleAxis(axisA, 2) == 1 ? g : g.permute(0, 2, 1)).contiguous();
    }

    private NDArray unright(NDArray g, int[] dims) {
        if (dims.length == 2) return g.reshape(dims);
        return (sampleAxis(axisB, 2) == 0 ? g : g.permute(0, 2, 1)).contiguous();
    }

    private static int sampleAxis(int axis, int rank) { return axis < 0 ? axis + rank : axis - 1; }

    private int[] outDims(NDArray y) {
        List<Integer> dims = new ArrayList<>(List.of(y.dim(0)));
        if (savedDimsA.length == 3) dims.add(y.dim(1));
        if (savedDimsB.length == 3) dims.add(y.dim(2));
        if (dims.size() == 1) dims.add(1);
        return dims.stream().mapToInt(Integer::intValue).toArray();
    }

    private ShapeException problem(String headline, String expected, String got, String fix) {
        return new ShapeException(Problem.at(label()).headline(headline).expected(expected).got(got).fix(fix));
    }

    @Override
    protected Gradient.Rule inputRule() { return Gradients.rule("∂L/∂y times the other input, summed over the axes the other keeps", "\\frac{\\partial L}{\\partial y}\\,b^\\top"); }

    @Override
    protected String inputNote() { return "y = Σ a·b along the summed axis: each number of a moves y by its partner in b"; }

    @Override
    protected void addConfig(Map<String, Object> c) {
        c.put("axes", axisA == axisB ? (Object) axisA : List.of(axisA, axisB));
        c.put("normalize", normalize);
    }
}
