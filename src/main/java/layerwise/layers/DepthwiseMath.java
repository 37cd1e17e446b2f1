package layerwise.layers;

import layerwise.ndarray.NDArray;

/**
 * The depthwise step shared by DepthwiseConv2D and SeparableConv2D: each channel's windows times that
 * channel's own K_h×K_w×M kernel, as one batched matrix product over the channels.
 * <pre>
 *   cols (rows, K, C) → per channel c: (rows, K) · kernel[:, c, :] (K, M) → out (rows, C·M), index c·M + m
 * </pre>
 */
final class DepthwiseMath {
    private DepthwiseMath() {}

    /** {@code cols} from im2col (rows, K_h·K_w·C); {@code kernel} (K_h, K_w, C, M). */
    static NDArray forward(NDArray cols, NDArray kernel) {
        int rows = cols.dim(0), c = kernel.dim(2), m = kernel.dim(3);
        NDArray perChannel = byChannel(cols, c).matmul(kernelByChannel(kernel));      // (C, rows, M)
        return perChannel.permute(1, 0, 2).contiguous().reshape(rows, c * m);
    }

    /** Given dLoss/dout (rows, C·M): {dLoss/dcols (rows, K_h·K_w·C), dLoss/dkernel (K_h, K_w, C, M)}. */
    static NDArray[] backward(NDArray cols, NDArray kernel, NDArray gradOut) {
        int rows = cols.dim(0), c = kernel.dim(2), m = kernel.dim(3);
        NDArray g = gradOut.reshape(rows, c, m).permute(1, 0, 2);                        // (C, rows, M)
        NDArray dKernel = byChannel(cols, c).permute(0, 2, 1).matmul(g)                  // (C, K, M)
                .permute(1, 0, 2).contiguous().reshape(kernel.dims());
        NDArray dCols = g.matmul(kernelByChannel(kernel).permute(0, 2, 1))              // (C, rows, K)
                .permute(1, 2, 0).contiguous().reshape(rows, -1);
        return new NDArray[] {dCols, dKernel};
    }

    /** (rows, K·C) seen as (C, rows, K). */
    private static NDArray byChannel(NDArray cols, int c) {
        return cols.reshape(cols.dim(0), -1, c).permute(2, 0, 1);
    }

    /** (K_h, K_w, C, M) seen as (C, K, M). */
    private static NDArray kernelByChannel(NDArray kernel) {
        return kernel.reshape(-1, kernel.dim(2), kernel.dim(3)).permute(1, 0, 2);
    }
}
