package layerwise.layers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import layerwise.error.ConfigException;
import layerwise.error.Problem;
import layerwise.explain.Derivation;
import layerwise.explain.Expr;
import layerwise.ndarray.NDArray;
import layerwise.ndarray.Shape;

/**
 * What Cropping1D, Cropping2D and Cropping3D share: they cut a number of positions off the start and
 * the end of each spatial axis, the inverse of zero padding. O = W − C_start − C_end; no parameters.
 * Input shape: (spatial…, channels). Output shape: each spatial axis shortened, channels unchanged.
 */
public abstract class Cropping<L extends Cropping<L>> extends FluentLayer<L> {
    /** [axis][0 = start, 1 = end]. */
    private final int[][] crop;
    private String dataFormat = "channels_last";
    private int[] savedDims;

    protected Cropping(int[][] crop) {
        for (int[] c : crop) {
            if (c.length != 2 || c[0] < 0 || c[1] < 0) {
                throw new ConfigException(Problem.at(label())
                        .headline("`cropping` should have " + crop.length + " elements, each a tuple of 2 non-negative integers. Received: "
                                + Arrays.deepToString(crop))
                        .expected("(start, end) for each of the " + crop.length + " spatial axes, each 0 or more").got(Arrays.deepToString(crop))
                        .fix("give how many positions to cut at the start and the end of each axis, e.g. (1, 1)"));
            }
        }
        this.crop = crop;
    }

    static int[][] symmetric(int... perAxis) {
        int[][] c = new int[perAxis.length][];
        for (int i = 0; i < perAxis.length; i++) c[i] = new int[] {perAxis[i], perAxis[i]};
        return c;
    }

    public L dataFormat(String f) { checkNotBuilt(); dataFormat = Options.oneOf(label(), "data_format", f, DataFormat.NAMES); return self(); }

    /** (start, end) per spatial axis. */
    public int[][] cropping() { return Arrays.stream(crop).map(int[]::clone).toArray(int[][]::new); }

    private int firstSpatial() { return dataFormat.equals("channels_last") ? 0 : 1; }

    @Override
    protected Derivation derive(Shape in) {
        int rank = crop.length;
        List<String> axes = Convolution.spatialAxes(rank);
        boolean last = dataFormat.equals("channels_last");
        requireRank(in, rank + 1, DataFormat.axesText(rank, dataFormat),
                type() + " cuts " + String.join(" and ", axes) + " of each channel; give the input a channels axis");
        Derivation d = start(in).note("cuts " + Arrays.deepToString(crop).replace("[", "(").replace("]", ")")
                + " positions off the start and end of " + String.join(", ", axes) + "; channels pass through")
                .ifEmpty("the crop removes at least as many positions as the axis has", "crop less, or crop a larger input");
        if (!last) d.keep("channels", in.dim(0));
        for (int i = 0; i < rank; i++) {
            d.dim(axes.get(i), "O", Expr.var("W", in.dim(firstSpatial() + i)).minus(Expr.var("C_start", crop[i][0]))
                    .minus(Expr.var("C_end", crop[i][1])));
        }
        if (last) d.keep("channels", in.dim(rank));
        return d;
    }

    /** A view of the kept window along every spatial axis, copied. */
    @Override
    public NDArray forward(NDArray x, boolean training) {
        derive(sampleShape(x));
        savedDims = x.dims();
        return window(x).contiguous();
    }

    /** The kept positions receive their gradient; the cut ones get 0. */
    @Override
    public NDArray backward(NDArray gradOut) {
        NDArray dx = NDArray.zeros(savedDims);
        window(dx).addInPlace(gradOut, 1f);
        return dx;
    }

    /** Backward: the inverse of the crop, a zero padding of ∂L/∂y. */
    @Override
    protected Derivation deriveBackward(Shape in) {
        return startBackward(in).gradient(Gradients.input(in, Gradients.rule("∂L/∂y placed back in the kept window, 0 in the cut positions",
                "\\mathrm{pad}_0\\left(\\frac{\\partial L}{\\partial y}\\right)"),
                "the cut positions reached no output, so they get no gradient: ∂L/∂y is padded with zeros back to the input's shape"));
    }

    private NDArray window(NDArray x) {
        NDArray v = x;
        for (int i = 0; i < crop.length; i++) {
            int axis = 1 + firstSpatial() + i;
            v = v.slice(axis, crop[i][0], x.dim(axis) - crop[i][1]);
        }
        return v;
    }

    @Override
    protected void addConfig(Map<String, Object> c) {
        List<List<Integer>> pairs = new ArrayList<>();
        for (int[] p : crop) pairs.add(List.of(p[0], p[1]));
        c.put("cropping", crop.length == 1 ? pairs.get(0) : pairs);
        if (crop.length > 1) c.put("data_format", dataFormat);
    }

    @Override public Role role() { return Role.RESHAPING; }
}
