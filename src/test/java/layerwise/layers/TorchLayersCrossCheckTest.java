package layerwise.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import layerwise.ndarray.NDArray;
import layerwise.ndarray.Shape;

/**
 * The same weights and inputs in Layerwise and in PyTorch give the same outputs and gradients
 * (to 1e-4): this pins the Keras semantics (gate order, reset_after, biased batch variance) that a
 * gradient check cannot see.
 */
class TorchLayersCrossCheckTest {
    private static final float TOL = 1e-4f;

    @AfterAll
    static void stopPython() { TorchReference.close(); }

    private static <L extends Recurrent<L>> void compareRecurrent(L layer, String kind, boolean sequences) {
        int n = 2, steps = 3, d = 4, u = 3;
        layer.initialize(Shape.of(steps, d), new Random(1));
        List<Param> ps = layer.params();
        // random biases, so the bias paths are checked too (Keras starts them at 0)
        NDArray bias = NDArray.normal(2, ps.get(2).value().dims());
        layer.setWeights(List.of(ps.get(0).value(), ps.get(1).value(), bias));
        NDArray x = NDArray.normal(3, n, steps, d);
        NDArray y = layer.forward(x, true);
        NDArray r = NDArray.normal(4, y.dims());
        NDArray dx = layer.backward(r);
        Map<String, float[]> torch = new TorchReference(kind).with("shape", new int[] {n, steps, d}).with("units", u)
                .with("x", x).with("kernel", ps.get(0).value()).with("recurrent", ps.get(1).value()).with("bias", bias)
                .with("r", r).with("return_sequences", sequences).run();
        assertArrayEquals(torch.get("y"), y.toFloatArray(), TOL, "outputs");
        assertArrayEquals(torch.get("dx"), dx.toFloatArray(), TOL, "dL/dx");
        assertArrayEquals(torch.get("dkernel"), ps.get(0).grad().toFloatArray(), TOL, "dL/dkernel");
        assertArrayEquals(torch.get("drecurrent"), ps.get(1).grad().toFloatArray(), TOL, "dL/drecurrent_kernel");
        assertArrayEquals(torch.get("dbias"), layer.params().get(2).grad().toFloatArray(), TOL, "dL/dbias");
    }

    @Test
    void lstmMatchesPyTorch() {
        compareRecurrent(new LSTM(3).returnSequences(true), "lstm", true);
    }

    @Test
    void gruWithResetAfterMatchesPyTorch() {
        compareRecurrent(new GRU(3), "gru", false);
    }

    @Test
    void batchNormalizationInTrainingMatchesPyTorch() {
        BatchNormalization bn = new BatchNormalization();
        bn.initialize(Shape.of(3, 4), new Random(0));
        NDArray gamma = NDArray.normal(5, 4), beta = NDArray.normal(6, 4), x = NDArray.normal(7, 5, 3, 4);
        bn.setWeights(List.of(gamma, beta));
        NDArray y = bn.forward(x, true);
        NDArray r = NDArray.normal(8, y.dims());
        NDArray dx = bn.backward(r);
        Map<String, float[]> torch = new TorchReference("batchnorm").with("shape", new int[] {5, 3, 4}).with("x", x)
                .with("gamma", gamma).with("beta", beta).with("epsilon", 0.001).with("r", r).run();
        assertArrayEquals(torch.get("y"), y.toFloatArray(), TOL, "outputs");
        assertArrayEquals(torch.get("dx"), dx.toFloatArray(), TOL, "dL/dx");
        assertArrayEquals(torch.get("dgamma"), bn.params().get(0).grad().toFloatArray(), TOL, "dL/dgamma");
        assertArrayEquals(torch.get("dbeta"), bn.params().get(1).grad().toFloatArray(), TOL, "dL/dbeta");
    }

    private static void compareTransposed(String padding) {
        Conv2DTranspose t = new Conv2DTranspose(2, 3).strides(2).padding(padding);
        t.initialize(Shape.of(4, 4, 3), new Random(9));
        NDArray bias = NDArray.normal(10, 2);
        t.setWeights(List.of(t.params().get(0).value(), bias));
        NDArray x = NDArray.normal(11, 2, 4, 4, 3);
        NDArray y = t.forward(x, true), r = NDArray.normal(12, y.dims()), dx = t.backward(r);
        Map<String, float[]> torch = new TorchReference("conv2d_transpose").with("shape", new int[] {2, 4, 4, 3})
                .with("kernel_size", 3).with("stride", 2).with("filters", 2).with("padding", padding)
                .with("x", x).with("kernel", t.params().get(0).value()).with("bias", bias).with("r", r).run();
        assertArrayEquals(torch.get("y"), y.toFloatArray(), TOL, "outputs");
        assertArrayEquals(torch.get("dx"), dx.toFloatArray(), TOL, "dL/dx");
        assertArrayEquals(torch.get("dkernel"), t.params().get(0).grad().toFloatArray(), TOL, "dL/dkernel");
        assertArrayEquals(torch.get("dbias"), t.params().get(1).grad().toFloatArray(), TOL, "dL/dbias");
    }

    @Test
    void validTransposedConvolutionMatchesPyTorch() { compareTransposed("valid"); }

    @Test
    void sameTransposedConvolutionMatchesPyTorch() { compareTransposed("same"); }

    /** Runs {@code layer} (kernel, bias) on x and compares outputs and gradients with the reference. */
    private static void compareKernelAndBias(Layer layer, NDArray x, TorchReference reference) {
        NDArray y = layer.forward(x, true), r = NDArray.normal(13, y.dims()), dx = layer.backward(r);
        Map<String, float[]> torch = reference.with("x", x).with("kernel", layer.params().get(0).value())
                .with("bias", layer.params().get(1).value()).with("r", r).run();
        assertArrayEquals(torch.get("y"), y.toFloatArray(), TOL, "outputs");
        assertArrayEquals(torch.get("dx"), dx.toFloatArray(), TOL, "dL/dx");
        assertArrayEquals(torch.get("dkernel"), layer.params().get(0).grad().toFloatArray(), TOL, "dL/dkernel");
        assertArrayEquals(torch.get("dbias"), layer.params().get(1).grad().toFloatArray(), TOL, "dL/dbias");
    }

    @Test
    void conv3DMatchesPyTorch() {
        Conv3D c = new Conv3D(2, 2).strides(2);
        c.initialize(Shape.of(4, 5, 4, 3), new Random(14));
        c.setWeights(List.of(c.params().get(0).value(), NDArray.normal(15, 2)));
        compareKernelAndBias(c, NDArray.normal(16, 2, 4, 5, 4, 3), new TorchReference("conv3d").with("shape", new int[] {2, 4, 5, 4, 3})
                .with("kernel_size", 2).with("stride", 2).with("filters", 2));
    }

    @Test
    void depthwiseConvolutionMatchesPyTorchGroupedConvolution() {
        DepthwiseConv2D dw = new DepthwiseConv2D(3).depthMultiplier(2);
        dw.initialize(Shape.of(5, 5, 3), new Random(17));
        dw.setWeights(List.of(dw.params().get(0).value(), NDArray.normal(18, 6)));
        compareKernelAndBias(dw, NDArray.normal(19, 2, 5, 5, 3), new TorchReference("depthwise").with("shape", new int[] {2, 5, 5, 3})
                .with("kernel_size", 3).with("depth_multiplier", 2));
    }
}
