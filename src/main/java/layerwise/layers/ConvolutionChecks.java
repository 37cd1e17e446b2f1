package layerwise.layers;

import java.util.Arrays;

import layerwise.error.ConfigException;
import layerwise.error.Problem;
import layerwise.error.ShapeException;
import layerwise.ndarray.Shape;

/**
 * The input and settings every convolution refuses, with Keras's words and the fix: an input without
 * a channels axis, an unknown number of channels, a stride together with a dilation.
 */
final class ConvolutionChecks {
    private ConvolutionChecks() {}

    static void check(Convolution<?> c, Shape in) {
        c.requireRank(in, c.rank + 1, DataFormat.axesText(c.rank, c.dataFormat), rankFix(c, in));
        if (Arrays.stream(c.strides).anyMatch(s -> s > 1) && Arrays.stream(c.dilation).anyMatch(d -> d > 1)) {
            throw new ConfigException(Problem.at(c.label())
                    .headline("`strides > 1` not supported in conjunction with `dilation_rate > 1`. Received: strides="
                            + Arrays.toString(c.strides) + " and dilation_rate=" + Arrays.toString(c.dilation))
                    .expected("either strides of 1 or a dilation rate of 1").got("both larger than 1")
                    .fix("choose strides(1) with a dilation, or dilationRate(1) with a stride"));
        }
        boolean last = c.dataFormat.equals("channels_last");
        if (in.dim(last ? c.rank : 0) == Shape.NONE) {
            throw new ShapeException(Problem.at(c.label())
                    .headline("The channel dimension of the inputs should be defined. The input_shape received is "
                            + in.withBatch() + ", where axis " + (last ? c.rank + 1 : 1)
                            + " (0-based) is the channel dimension, which found to be `None`.")
                    .expected("a known number of input channels, to size the kernel")
                    .got(in.withBatch())
                    .fix("give the channel count in the input shape, e.g. new Input(…, 3)"));
        }
    }

    private static String rankFix(Convolution<?> c, Shape in) {
        if (in.rank() == c.rank) {
            String withChannel = in.toString().replace(")", ", 1)").replace(",, 1)", ", 1)");
            return "add a channels axis: reshape to " + withChannel + ", or start the model with new Input"
                    + withChannel.replace(",)", ")");
        }
        return c.type() + " slides over " + c.rank + " spatial axes and needs a channels axis " + DataFormat.axesText(c.rank, c.dataFormat)
                + (in.rank() < c.rank ? "; reshape the data to that form" : "; use Conv" + (in.rank() - 1) + "D, or Flatten/Reshape first");
    }
}
