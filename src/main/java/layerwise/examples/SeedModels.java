package layerwise.examples;

import layerwise.layers.Conv1D;
import layerwise.layers.Conv2D;
import layerwise.layers.Dense;
import layerwise.layers.Flatten;
import layerwise.layers.Input;
import layerwise.layers.MaxPooling2D;
import layerwise.layers.SymbolicTensor;
import layerwise.model.Model;
import layerwise.model.Sequential;

/**
 * The models of the four student questions Layerwise was made for, written the way the students wrote
 * them in Keras. The tour, the notebooks and the tests all start from these.
 */
public final class SeedModels {
    private SeedModels() {}

    /**
     * Seed 000: Conv2D(32, 3×3, relu) on 100×100×3 images, then Dense(256, relu) and Dense(10, softmax).
     * Without Flatten the Dense layers act on the last axis only and the output stays 4-D.
     */
    public static Model convThenDense(boolean withFlatten) {
        var inputLayer = new Input(100, 100, 3);
        SymbolicTensor x = new Conv2D(32, 3).activation("relu").apply(inputLayer);
        if (withFlatten) x = new Flatten().apply(x);
        x = new Dense(256).activation("relu").apply(x);
        x = new Dense(10).activation("softmax").apply(x);
        return new Model(inputLayer, x);
    }

    /** Seed 001: two 'same' convolutions and a Dense(6) on a 3-D input, in either axis order. */
    public static Sequential sameConvolutions(long... inputShape) {
        var model = new Sequential();
        model.add(new Conv2D(12, 3).activation("relu").padding("same").inputShape(inputShape));
        model.add(new Conv2D(10, 3).activation("relu").padding("same"));
        model.add(new Dense(6).activation("softmax"));
        return model;
    }

    /** Seed 001's second model: two 'same' Conv1D layers over 1287 steps of 69 features, then Dense(8) on each step. */
    public static Sequential sequenceConvolutions() {
        var model = new Sequential();
        model.add(new Conv1D(64, 3).activation("relu").padding("same").inputShape(1287, 69));
        model.add(new Conv1D(32, 3).activation("relu").padding("same"));
        model.add(new Dense(8).activation("softmax"));
        return model;
    }

    /** Seed 002: Dense(4) then Dense(10) on inputs of different ranks: (784,), (784, 1), (32, 28), (32, 28, 1). */
    public static Sequential denseOn(long... inputShape) {
        var model = new Sequential();
        model.add(new Dense(4).activation("linear").inputShape(inputShape));
        model.add(new Dense(10).activation("softmax"));
        return model;
    }

    /** Seed 003: three Conv2D/MaxPooling2D blocks on 150×150×3, Flatten, Dense(512), Dense(1, sigmoid). */
    public static Model threeConvBlocks() {
        var imageInput = new Input(150, 150, 3);
        SymbolicTensor x = new Conv2D(16, 3).activation("relu").apply(imageInput);
        x = new MaxPooling2D(2).apply(x);
        x = new Conv2D(32, 3).activation("relu").apply(x);
        x = new MaxPooling2D(2).apply(x);
        x = new Conv2D(64, 3).activation("relu").apply(x);
        x = new MaxPooling2D(2).apply(x);
        x = new Flatten().apply(x);
        x = new Dense(512).activation("relu").apply(x);
        var output = new Dense(1).activation("sigmoid").apply(x);
        return new Model(imageInput, output);
    }
}
