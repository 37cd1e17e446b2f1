package layerwise.layers;

import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;

/** One small instance of every one-input layer kind, with an input shape it accepts, for tests over all kinds. */
public final class LayerKinds {
    private LayerKinds() {}

    /** (name, a supplier of a fresh layer, the input shape without the batch axis). */
    public static Stream<Arguments> all() {
        return Stream.of(
                kind("Dense", () -> new Dense(4).activation("relu"), 5),
                kind("Dense on a sequence", () -> new Dense(3), 4, 5),
                kind("Conv1D", () -> new Conv1D(3, 2).activation("tanh"), 6, 2),
                kind("Conv2D", () -> new Conv2D(3, 3).strides(2).padding("same"), 7, 7, 2),
                kind("Conv3D", () -> new Conv3D(2, 2), 4, 4, 4, 1),
                kind("Conv2DTranspose", () -> new Conv2DTranspose(2, 3).strides(2), 3, 3, 2),
                kind("DepthwiseConv2D", () -> new DepthwiseConv2D(3).depthMultiplier(2), 5, 5, 2),
                kind("SeparableConv2D", () -> new SeparableConv2D(3, 3).depthMultiplier(2), 5, 5, 2),
                kind("MaxPooling1D", () -> new MaxPooling1D(2), 6, 2),
                kind("MaxPooling2D", () -> new MaxPooling2D(2), 4, 6, 3),
                kind("MaxPooling3D", () -> new MaxPooling3D(2), 4, 4, 4, 1),
                kind("AveragePooling1D", () -> new AveragePooling1D(2), 6, 2),
                kind("AveragePooling2D", () -> new AveragePooling2D(2), 4, 6, 3),
                kind("AveragePooling3D", () -> new AveragePooling3D(2), 4, 4, 4, 1),
                kind("GlobalMaxPooling1D", GlobalMaxPooling1D::new, 5, 3),
                kind("GlobalAveragePooling2D", GlobalAveragePooling2D::new, 4, 4, 3),
                kind("GlobalMaxPooling2D", GlobalMaxPooling2D::new, 4, 4, 3),
                kind("GlobalAveragePooling1D", GlobalAveragePooling1D::new, 5, 3),
                kind("Flatten", Flatten::new, 3, 3, 2),
                kind("Reshape", () -> new Reshape(9, 2), 3, 3, 2),
                kind("Activation", () -> new Activation("sigmoid"), 4, 3),
                kind("Dropout", () -> new Dropout(0.5).seed(1), 4, 3),
                kind("BatchNormalization", BatchNormalization::new, 4, 3),
                kind("SimpleRNN", () -> new SimpleRNN(3).returnSequences(true), 4, 2),
                kind("LSTM", () -> new LSTM(3), 4, 2),
                kind("GRU", () -> new GRU(3), 4, 2),
                kind("Bidirectional", () -> new Bidirectional(new LSTM(2)), 4, 3),
                kind("Embedding", () -> new Embedding(10, 4), 5),
                kind("UpSampling2D", () -> new UpSampling2D(2), 3, 3, 2),
                kind("ZeroPadding2D", () -> new ZeroPadding2D(1), 3, 3, 2),
                kind("GlobalAveragePooling3D", GlobalAveragePooling3D::new, 3, 3, 3, 2),
                kind("GlobalMaxPooling3D", GlobalMaxPooling3D::new, 3, 3, 3, 2),
                kind("LayerNormalization", LayerNormalization::new, 4, 3),
                kind("Softmax", Softmax::new, 4, 3),
                kind("ReLU", ReLU::new, 4, 3),
                kind("LeakyReLU", LeakyReLU::new, 4, 3),
                kind("ELU", ELU::new, 4, 3),
                kind("PReLU", PReLU::new, 4, 3),
                kind("PReLU shared along steps", () -> new PReLU().sharedAxes(1), 4, 3),
                kind("RepeatVector", () -> new RepeatVector(3), 4),
                kind("TimeDistributed", () -> new TimeDistributed(new Dense(3)), 4, 5),
                kind("Cropping1D", () -> new Cropping1D(1), 6, 2),
                kind("Cropping2D", () -> new Cropping2D(1), 5, 5, 2),
                kind("Cropping3D", () -> new Cropping3D(1), 4, 4, 4, 1),
                kind("Bidirectional sum of sequences", () -> new Bidirectional(new GRU(2).returnSequences(true)).mergeMode("sum"), 4, 3),
                kind("UpSampling2D bilinear", () -> new UpSampling2D(2).interpolation("bilinear"), 3, 3, 2));
    }

    private static Arguments kind(String name, Supplier<Layer> layer, int... inputShape) {
        return Arguments.of(name, layer, inputShape);
    }
}
