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
 * MultiHeadAttention and LayerNormalization with their weights copied into torch.nn.MultiheadAttention
 * and torch.nn.LayerNorm give the same outputs and gradients (to 1e-4): this pins Keras's kernel
 * layout (d, heads, key_dim), the 1/√key_dim scaling and the causal mask's triangle.
 */
class AttentionTorchCrossCheckTest {
    private static final float TOL = 1e-4f;

    @AfterAll
    static void stopPython() { TorchReference.close(); }

    /** torch needs heads·key_dim = d_model and kdim = vdim = d_model; Keras does not, so the case keeps to that. */
    private static void compareAttention(boolean causal) {
        int n = 2, tq = 4, tk = 3, d = 6, heads = 2;
        MultiHeadAttention mha = new MultiHeadAttention(heads, d / heads).useCausalMask(causal);
        NDArray q = NDArray.normal(1, n, tq, d), k = NDArray.normal(2, n, tk, d), v = NDArray.normal(3, n, tk, d);
        mha.forward(List.of(q, v, k), true);
        List<Param> ps = mha.params();
        List<NDArray> weights = new java.util.ArrayList<>();
        for (int i = 0; i < ps.size(); i++) weights.add(NDArray.normal(10 + i, ps.get(i).value().dims()).mul(0.5f));
        mha.setWeights(weights);
        NDArray y = mha.forward(List.of(q, v, k), true), r = NDArray.normal(4, y.dims());
        List<NDArray> dIn = mha.backwardToInputs(r);
        TorchReference ref = new TorchReference("attention").with("n", n).with("tq", tq).with("tk", tk).with("d", d)
                .with("heads", heads).with("causal", causal).with("q", q).with("k", k).with("v", v).with("r", r);
        String[] names = {"wq", "bq", "wk", "bk", "wv", "bv", "wo", "bo"};
        for (int i = 0; i < names.length; i++) ref.with(names[i], weights.get(i));
        Map<String, float[]> torch = ref.run();
        assertArrayEquals(torch.get("y"), y.toFloatArray(), TOL, "outputs");
        assertArrayEquals(torch.get("dq"), dIn.get(0).toFloatArray(), TOL, "dL/dquery");
        assertArrayEquals(torch.get("dv"), dIn.get(1).toFloatArray(), TOL, "dL/dvalue");
        assertArrayEquals(torch.get("dk"), dIn.get(2).toFloatArray(), TOL, "dL/dkey");
        for (int i = 0; i < names.length; i++) {
            assertArrayEquals(torch.get("d" + names[i]), ps.get(i).grad().toFloatArray(), TOL, "dL/d" + ps.get(i).name());
        }
    }

    @Test
    void multiHeadAttentionMatchesPyTorch() { compareAttention(false); }

    @Test
    void causalMultiHeadAttentionMatchesPyTorchWithUpperTriangleMasked() { compareAttention(true); }

    @Test
    void layerNormalizationMatchesPyTorch() {
        LayerNormalization ln = new LayerNormalization();
        ln.initialize(Shape.of(3, 5), new Random(0));
        NDArray gamma = NDArray.normal(5, 5), beta = NDArray.normal(6, 5), x = NDArray.normal(7, 2, 3, 5);
        ln.setWeights(List.of(gamma, beta));
        NDArray y = ln.forward(x, true), r = NDArray.normal(8, y.dims()), dx = ln.backward(r);
        Map<String, float[]> torch = new TorchReference("layernorm").with("shape", new int[] {2, 3, 5}).with("x", x)
                .with("gamma", gamma).with("beta", beta).with("epsilon", 0.001).with("r", r).run();
        assertArrayEquals(torch.get("y"), y.toFloatArray(), TOL, "outputs");
        assertArrayEquals(torch.get("dx"), dx.toFloatArray(), TOL, "dL/dx");
        assertArrayEquals(torch.get("dgamma"), ln.params().get(0).grad().toFloatArray(), TOL, "dL/dgamma");
        assertArrayEquals(torch.get("dbeta"), ln.params().get(1).grad().toFloatArray(), TOL, "dL/dbeta");
    }
}
