package layerwise.examples;

import java.nio.file.Path;

import layerwise.chart.Charts;
import layerwise.model.Model;
import layerwise.ndarray.NDArray;
import layerwise.train.History;
import layerwise.train.SGD;

/**
 * The seed-000 program, line by line in Java, with the Flatten the student was missing:
 * <pre>
 *   java --add-modules jdk.incubator.vector -cp target/layerwise.jar layerwise.examples.Seed000Training [loss.png]
 * </pre>
 * 100 random 100×100×3 images with random labels: there is nothing to learn, so the loss only falls
 * as the 78.7 M weights memorize the samples. Without Flatten, fit stops before the first step with
 * the explained target error (SeedModels.convThenDense(false)).
 */
public final class Seed000Training {
    private Seed000Training() {}

    public static void main(String[] args) {
        // x_train = np.random.random((100, 100, 100, 3))
        NDArray xTrain = NDArray.random(0, 100, 100, 100, 3);
        // y_train = keras.utils.to_categorical(np.random.randint(10, size=(100, 1)), num_classes=10)
        NDArray yTrain = NDArray.toCategorical(NDArray.randint(1, 10, 100, 1), 10);

        // Input → Conv2D(32, (3, 3), relu) → Flatten → Dense(256, relu) → Dense(10, softmax)
        Model model = SeedModels.convThenDense(true);
        model.summary();

        // sgd = SGD(lr=0.01, decay=1e-6, momentum=0.9, nesterov=True)
        var sgd = new SGD(0.01).decay(1e-6).momentum(0.9).nesterov(true);
        model.compile(sgd, "categorical_crossentropy", "accuracy");

        long start = System.nanoTime();
        History history = model.fit(xTrain, yTrain, 32, 10);
        System.out.printf("%nTrained 10 epochs in %.1f s%n", (System.nanoTime() - start) / 1e9);
        System.out.println(history);
        if (args.length > 0) {
            Charts.save(Charts.history(history), Path.of(args[0]));
            System.out.println("Chart saved to " + args[0]);
        }
    }
}
