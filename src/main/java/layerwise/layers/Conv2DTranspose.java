package layerwise.layers;

import java.util.Map;

import layerwise.error.ConfigException;
import layerwise.error.Problem;
import layerwise.explain.Derivation;
import layerwise.explain.Expr;
import layerwise.ndarray.Shape;

/**
 * A transposed ("de-") convolution: each input position spreads a K_h×K_w×F patch into an output that
 * grows by the stride, the reverse of a strided Conv2D.
 * O = W·S + max(K − S, 0) ('valid'), W·S ('same'), (W − 1)·S + K − 2P + OP with output_padding;
 * params = K_h×K_w×F×C_in + F.
 * Input shape: (rows, cols, C_in). Output shape: (rows_out, cols_out, F).
 */
public final class Conv2DTranspose extends Convolution<Conv2DTranspose> {
    private int[] outputPadding;

    public Conv2DTranspose(int filters, int... kernelSize) {
        super(2, filters, kernelSize);
    }

    /** Extra rows/cols at the end, to pick one of the output sizes a strided conv could have come from. */
    public Conv2DTranspose outputPadding(int... p) {
        checkNotBuilt();
        int[] perAxis = p.length == 1 ? new int[] {p[0], p[0]} : p;
        if (perAxis.length != 2 || perAxis[0] < 0 || perAxis[1] < 0) {
            throw new ConfigException(Problem.at(label())
                    .headline("The `output_padding` argument must be a tuple of 2 non-negative integers. Received: " + java.util.Arrays.toString(p))
                    .expected("one number, or two (rows, cols), each 0 or more").got(java.util.Arrays.toString(p))
                    .fix("pass outputPadding(1) or outputPadding(1, 0)"));
        }
        outputPadding = perAxis;
        return this;
    }

    /** The output padding per axis, or null when not given (Keras's None). */
    public int[] outputPadding() { return outputPadding == null ? null : outputPadding.clone(); }

    @Override
    protected Derivation derive(Shape in) {
        for (int i = 0; outputPadding != null && i < 2; i++) {
            if (outputPadding[i] >= strides[i]) {
                throw new ConfigException(Problem.at(label())
                        .headline("Strides " + tuple(strides) + " must be greater than output padding " + tuple(outputPadding))
                        .expected("output_padding < strides on every axis").got("output_padding " + tuple(outputPadding))
                        .why("output padding chooses among the S output sizes a stride-S convolution maps to the same input size")
                        .fix("use an output padding from 0 to stride − 1, or leave it out"));
            }
        }
        return super.derive(in);
    }

    @Override
    protected void spatialDim(Derivation d, int i, long w) {
        Window.transposedDim(d, spatialAxes(rank).get(i), w, kernel[i], strides[i], dilation[i], padding,
                outputPadding == null ? -1 : outputPadding[i]);
    }

    @Override
    protected void addParams(Derivation d, long cIn) {
        Expr perInput = Expr.product(kernelVars()).times(Expr.var("F", filters));
        Expr weights = perInput.times(Expr.var("C_in", cIn)), f = Expr.var("F", filters);
        d.params(useBias ? weights.plus(f) : weights,
                "each of the " + cIn + " input channels owns a " + windowText() + "×" + filters + " patch"
                        + (useBias ? ", plus one bias per filter" : ""));
        d.macs(Expr.of(positions(d.inputs().get(0))).times(weights.value()));
    }

    @Override
    protected void addConfig(Map<String, Object> c) {
        super.addConfig(c);
        c.put("output_padding", outputPadding == null ? null : list(outputPadding));
    }
}
