package layerwise.layers;

import java.util.List;
import java.util.Map;
import java.util.Random;

import layerwise.explain.Derivation;
import layerwise.explain.Expr;
import layerwise.ndarray.Shape;

/**
 * Conv1D, Conv2D and Conv3D: F filters, each a K×…×K window over all C_in input channels, giving one
 * output channel each. params = K_1×…×K_n×C_in×F + F; the kernel is (K_1, …, K_n, C_in, F) as in Keras.
 */
public abstract class FilterConvolution<L extends FilterConvolution<L>> extends Convolution<L> {
    protected final int filters;
    protected Param kernelWeights, bias;

    protected FilterConvolution(int rank, int filters, int kernelSize, int strides) {
        super(rank, kernelSize, strides);
        this.filters = Options.positive(label(), "filters", filters)[0];
    }

    public int filters() { return filters; }

    @Override
    protected void outChannels(Derivation d, long cIn) {
        d.dim("channels", "C_out", Expr.var("F", filters), "one output channel per filter");
    }

    @Override
    protected void addParams(Derivation d, long cIn) {
        Expr perFilter = Expr.product(kernelVars()).times(Expr.var("C_in", cIn));
        Expr f = Expr.var("F", filters);
        d.params(useBias ? perFilter.times(f).plus(f) : perFilter.times(f),
                useBias ? "a " + windowText() + "×" + cIn + " kernel per filter, plus one bias per filter" : "no bias");
        d.macs(Expr.of(positions(d.output())).times(perFilter.value()).times(filters));
    }

    /** Backward: ∂L/∂K of the kernel's shape, ∂L/∂b per filter, ∂L/∂x as a transposed convolution. */
    @Override
    protected Derivation deriveBackward(Shape in) {
        return ConvolutionGradients.derive(this, in, ConvolutionGradients.kernelAndBias(this, in, kernelVars()));
    }

    /** Kernel (K_1, …, K_n, C_in, F); glorot's fans are K·C_in in and K·F out. */
    @Override
    public void initialize(Shape in, Random rng) {
        int cIn = channels(in), window = 1;
        int[] shape = new int[rank + 2];
        for (int i = 0; i < rank; i++) window *= shape[i] = kernel[i];
        shape[rank] = cIn;
        shape[rank + 1] = filters;
        kernelWeights = Param.of("kernel", Initializers.create(kernelInitializer, rng, window * cIn, window * filters, shape));
        bias = useBias ? Param.of("bias", Initializers.create(biasInitializer, rng, window * cIn, window * filters, filters)) : null;
    }

    @Override public boolean isInitialized() { return kernelWeights != null; }

    @Override public List<Param> params() { return Param.present(kernelWeights, bias); }

    @Override
    protected void addConfig(Map<String, Object> c) {
        c.put("filters", filters);
        super.addConfig(c);
    }
}
