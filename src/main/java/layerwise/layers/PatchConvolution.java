package layerwise.layers;

import layerwise.ndarray.DirectConvolution;
import layerwise.ndarray.NDArray;
import layerwise.ndarray.Patches;

/**
 * The numbers of Conv1D and Conv2D, channels-last, with what backward needs saved:
 * <pre>
 *   forward:   cols = im2col(x);  z = cols·W + b
 *   backward:  dW = colsᵀ·dz;  db = Σ_rows dz;  dx = col2im(dz·Wᵀ)
 * </pre>
 * A thin input (at most 4 channels, such as an image's first layer) with stride 1 skips im2col: there it
 * would copy every pixel K_h·K_w times for a product of only K_h·K_w·C terms per output, so the direct
 * convolution reads each number where it lies.
 */
final class PatchConvolution {
    private Patches.Geometry saved;
    private NDArray savedInput, savedCols;

    /** z (n, [h_out,] w_out, F) from x (n, [h,] w, C), kernel (K_h, K_w, C, F) or (K, C, F), bias (F) or null. */
    NDArray forward(NDArray x, Patches.Geometry g, NDArray kernel, NDArray bias) {
        saved = g;
        savedInput = x;
        int filters = kernel.dim(-1);
        int[] outDims = DataFormat.outDims(g, x.rank(), filters);
        if (direct(g, filters)) {
            savedCols = null;
            return DirectConvolution.forward(x, g, kernel, bias).reshape(outDims);
        }
        savedCols = Patches.im2col(x, g);
        NDArray z = bias != null ? bias.broadcastTo(g.rows(), filters).copy() : NDArray.zeros(g.rows(), filters);
        return savedCols.matmulInto(kernel.reshape(-1, filters), z, bias != null ? 1f : 0f).reshape(outDims);
    }

    /** Fills kernel's and bias's gradients from dz; returns dx when {@code inputGradient}, else null. */
    NDArray backward(NDArray gradZ, Param kernel, Param bias, boolean inputGradient) {
        int filters = kernel.value().dim(-1);
        NDArray dz = gradZ.reshape(-1, filters);
        if (savedCols == null) {
            DirectConvolution.weightGrad(savedInput, saved, dz, kernel.grad(), bias == null ? null : bias.grad());
        } else {
            savedCols.transpose().matmulInto(dz, kernel.grad().reshape(-1, filters), 0f);
            if (bias != null) dz.sumRowsInto(bias.grad(), 0f);
        }
        if (!inputGradient) return null;
        return Patches.col2im(dz.matmul(kernel.value().reshape(-1, filters).transpose()), saved).reshape(savedInput.dims());
    }

    private static boolean direct(Patches.Geometry g, int filters) {
        return g.c() <= 4 && DirectConvolution.fits(g, filters);
    }
}
