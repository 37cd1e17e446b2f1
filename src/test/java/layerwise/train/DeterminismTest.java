package layerwise.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

import layerwise.layers.Conv2D;
import layerwise.layers.Dense;
import layerwise.layers.Flatten;
import layerwise.layers.MaxPooling2D;
import layerwise.model.Sequential;
import layerwise.model.Model;
import layerwise.ndarray.NDArray;
import layerwise.ndarray.kernels.Parallel;

/** The kernels cut their work by the sizes, not the thread count: the same seed gives the same losses. */
class DeterminismTest {
    private static double[] losses() {
        var m = new Sequential();
        m.add(new Conv2D(8, 3).activation("relu").inputShape(20, 20, 3));
        m.add(new MaxPooling2D(2));
        m.add(new Flatten());
        m.add(new Dense(600).activation("relu"));
        m.add(new Dense(4).activation("softmax"));
        NDArray x = NDArray.random(5, 64, 20, 20, 3), y = NDArray.toCategorical(NDArray.randint(6, 4, 64), 4);
        Model t = m;
        t.compile(new SGD(0.01).momentum(0.9).nesterov(true), "categorical_crossentropy");
        return t.fit(x, y, 32, 3, new FitOptions().verbose(0).seed(3)).get("loss");
    }

    @Test
    void sameSeedGivesIdenticalLossesOnEveryRun() {
        assertArrayEquals(losses(), losses());
    }

    @Test
    void oneThreadGivesTheSameLossesAsAllThreads() {
        double[] parallel = losses();
        double[][] box = new double[1][];
        Parallel.serially(() -> box[0] = losses());
        assertArrayEquals(box[0], parallel);
    }
}
