package layerwise.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import layerwise.Golden;
import layerwise.layers.Conv2D;
import layerwise.layers.Dense;
import layerwise.layers.Flatten;
import layerwise.layers.Input;
import layerwise.layers.Names;
import layerwise.layers.Param;
import layerwise.model.Model;
import layerwise.ndarray.NDArray;

/** model.explainStep(x, y): the worked numbers are the weights before and after the real step. */
class StepExplanationTest {

    @BeforeEach
    void freshNames() { Names.reset(); }

    static Stream<Arguments> optimizers() {
        return Stream.of(
                Arguments.of("SGD", (Supplier<Optimizer>) () -> new SGD(0.1)),
                Arguments.of("SGD with momentum", (Supplier<Optimizer>) () -> new SGD(0.1).momentum(0.9)),
                Arguments.of("SGD with Nesterov and decay", (Supplier<Optimizer>) () -> new SGD(0.1).momentum(0.9).nesterov(true).decay(0.01)),
                Arguments.of("Adam", (Supplier<Optimizer>) () -> new Adam(0.01)),
                Arguments.of("RMSprop", (Supplier<Optimizer>) () -> new RMSprop(0.01)),
                Arguments.of("Adagrad", (Supplier<Optimizer>) () -> new Adagrad(0.1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void workedNumbersAreTheWeightsBeforeAndAfterTheStep(String name, Supplier<Optimizer> optimizer) {
        Model model = smallCnn();
        model.compile(optimizer.get(), "categorical_crossentropy");
        NDArray x = NDArray.normal(5, 4, 5, 5, 1), y = NDArray.toCategorical(NDArray.of(0, 1, 2, 1), 3);
        model.explainStep(x, y);   // a second step, so that momentum and moments are no longer zero
        Map<Param, float[]> before = new IdentityHashMap<>();
        for (Param p : model.params()) before.put(p, p.value().data().clone());

        StepExplanation step = model.explainStep(x, y);

        assertEquals(2, step.weights().size(), "one weight for each layer with weights");
        for (StepExplanation.Weight w : step.weights()) {
            assertEquals(before.get(w.param())[w.index()], w.before(), 0.0, w.place() + " before");
            assertEquals(w.param().value().data()[w.index()], w.after(), 0.0, w.place() + " after");
            assertEquals(w.after(), w.update().predicted(), 0.0, w.place() + ": the worked formula gives the real new value");
            assertFalse(w.before() == w.after(), "the step moved " + w.place());
        }
        assertTrue(step.toText().contains("✓ as worked out"));
        assertFalse(step.toText().contains("✗"));
    }

    @Test
    void theChosenWeightHasTheLargestGradientOfItsArray() {
        Model model = smallCnn();
        model.compile(new SGD(0.1), "categorical_crossentropy");
        StepExplanation step = model.explainStep(NDArray.normal(5, 4, 5, 5, 1), NDArray.toCategorical(NDArray.of(0, 1, 2, 1), 3));
        for (StepExplanation.Weight w : step.weights()) {
            float[] g = w.param().grad().data();
            for (float gi : g) assertTrue(Math.abs(gi) <= Math.abs((float) w.gradient()));
        }
    }

    @Test
    void sgdStepAsText() {
        Model model = smallCnn();
        model.compile(new SGD(0.1), "categorical_crossentropy");
        Golden.assertMatches(getClass(), "sgd", model.explainStep(NDArray.normal(5, 4, 5, 5, 1),
                NDArray.toCategorical(NDArray.of(0, 1, 2, 1), 3)).toText());
    }

    @Test
    void adamStepAsText() {
        Model model = smallCnn();
        model.compile(new Adam(0.01), "categorical_crossentropy");
        Golden.assertMatches(getClass(), "adam", model.explainStep(NDArray.normal(5, 4, 5, 5, 1),
                NDArray.toCategorical(NDArray.of(0, 1, 2, 1), 3)).toText());
    }

    @Test
    void numbersKeepFourSignificantDigitsAndARealMinus() {
        assertEquals(List.of("0.0132", "−0.0457", "(−0.0457)", "0.00000457", "0"),
                List.of(WorkedUpdate.num(0.013201), WorkedUpdate.num(-0.045699), WorkedUpdate.arg(-0.0457), WorkedUpdate.num(4.57e-6), WorkedUpdate.num(0)));
    }

    private static Model smallCnn() {
        var in = new Input(5, 5, 1);
        var x = new Conv2D(2, 3).activation("relu").apply(in);
        Model model = new Model(in, new Dense(3).activation("softmax").apply(new Flatten().apply(x)));
        model.initialize(3);
        return model;
    }
}
