package layerwise.layers;

import java.util.ArrayList;
import java.util.List;

import layerwise.explain.Expr;
import layerwise.ndarray.NDArray;
import layerwise.ndarray.Patches;

/**
 * The depthwise step shared by DepthwiseConv2D and SeparableConv2D: each channel's windows times that
 * channel's own K_h×K_w×M kernel, as one batched matrix product over the channels.
 * <pre>
 *   cols (rows, K, C) → per channel c: (rows, K) · kernel[:, c, :] (K, M) → out (rows, C·M), index c·M + m
 * </pre>
 */
final class DepthwiseMath {
    private DepthwiseMath() {}

    /**
     * im2col's (rows, K_h·K_w·C) regrouped channel by channel, (C, rows, K), and copied once, so that
     * each channel's windows are one plain matrix for forward and for the kernel gradient.
     */
    static NDArray byChannel(NDArray cols, Patches.Geometry g) {
        return cols.reshape(g.rows(), g.kh() * g.kw(), g.c()).permute(2, 0, 1).contiguous();
    }

    /** {@code byChannel} (C, rows, K) from {@link #byChannel}; {@code kernel} (K_h, K_w, C, M). */
    static NDArray forward(NDArray byChannel, NDArray kernel) {
        int rows = byChannel.dim(1), c = kernel.dim(2), m = kernel.dim(3);
        NDArray perChannel = byChannel.matmul(kernelByChannel(kernel));                // (C, rows, M)
        return perChannel.permute(1, 0, 2).contiguous().reshape(rows, c * m);
    }

    /**
     * Given dLoss/dout (rows, C·M): writes dLoss/dkernel into {@code kernel.grad()} and returns
     * dLoss/dcols (rows, K_h·K_w·C).
     */
    static NDArray backward(NDArray byChannel, Param kernel, NDArray gradOut) {
        NDArray w = kernel.value();
        int rows = byChannel.dim(1), c = w.dim(2), m = w.dim(3);
        NDArray g = gradOut.reshape(rows, c, m).permute(1, 0, 2);                       // (C, rows, M)
        // channel c: dkernel[:, c, :] (K, M) = colsᵀ (K, rows) · dout[:, c, :] (rows, M), written where
        // each channel's slice of the gradient lies, so no kernel-sized array is made
        byChannel.permute(0, 2, 1).matmulInto(g, kernelByChannel(kernel.grad()), 0f);
        return g.matmul(kernelByChannel(w).permute(0, 2, 1))                           // (C, rows, K)
                .permute(1, 2, 0).contiguous().reshape(rows, -1);
    }

    /** The depthwise kernel's weights, K_h×K_w×C_in×M: a K_h×K_w window for each of the C_in×M output channels. */
    static Expr weightCount(List<Expr> kernelVars, long cIn, int depthMultiplier) {
        List<Expr> factors = new ArrayList<>(kernelVars);
        factors.add(Expr.var("C_in", cIn));
        factors.add(Expr.var("M", depthMultiplier));
        return Expr.product(factors);
    }

    /** (K_h, K_w, C, M) seen as (C, K, M). */
    private static NDArray kernelByChannel(NDArray kernel) {
        return kernel.reshape(-1, kernel.dim(2), kernel.dim(3)).permute(1, 0, 2);
    }
}
