package layerwise.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import layerwise.Golden;
import layerwise.error.NnException;
import layerwise.layers.Dense;
import layerwise.layers.Names;
import layerwise.ndarray.NDArray;
import layerwise.train.Adam;
import layerwise.train.FitOptions;
import layerwise.train.SGD;

/** What fit, evaluate and the optimizers refuse before any step, each compared word for word with its golden text. */
class RefusalsTest {
    @BeforeEach
    void freshNames() {
        Names.reset();
    }

    private static String golden(String name, Executable wrong) {
        NnException e = assertThrows(NnException.class, wrong);
        Golden.assertMatches(RefusalsTest.class, name, e.getMessage() + "\n");
        return e.getMessage();
    }

    private static Sequential dense(int in, int units, String activation) {
        var m = new Sequential();
        m.add(new Dense(units).activation(activation).inputShape(in));
        return m;
    }

    private static final FitOptions QUIET = new FitOptions().verbose(0);

    @Test
    void fitBeforeCompile() {
        var m = dense(4, 3, "softmax");
        golden("fit_before_compile", () -> m.fit(NDArray.zeros(6, 4), NDArray.zeros(6, 3), 2, 1));
    }

    @Test
    void evaluateBeforeCompile() {
        var m = dense(4, 3, "softmax");
        String message = golden("evaluate_before_compile", () -> m.evaluate(NDArray.zeros(6, 4), NDArray.zeros(6, 3)));
        assertTrue(message.startsWith("You must call `compile()` before calling `evaluate()`."), message);
    }

    @Test
    void nanInXSaysWhichIndex() {
        var m = dense(4, 3, "linear");
        m.compile("sgd", "mse");
        NDArray x = NDArray.zeros(6, 4);
        x.data()[4 * 2 + 1] = Float.NaN;   // sample 2, feature 1
        String message = golden("nan_in_x", () -> m.fit(x, NDArray.zeros(6, 3), x.dim(0), 1, QUIET));
        assertTrue(message.contains("x[2, 1] = NaN"), message);
    }

    @Test
    void infinityInYSaysWhichIndex() {
        var m = dense(4, 3, "linear");
        m.compile("sgd", "mse");
        NDArray y = NDArray.zeros(6, 3);
        y.data()[3 * 5 + 2] = Float.POSITIVE_INFINITY;
        String message = golden("infinity_in_y", () -> m.evaluate(NDArray.zeros(6, 4), y));
        assertTrue(message.contains("y[5, 2] = Infinity"), message);
    }

    @Test
    void tenBillionWeightDenseIsRefusedBeforeAllocating() {
        var m = dense(100_000, 100_000, "linear");   // 100,000 × 100,000 + 100,000 weights
        golden("dense_beyond_one_array", () -> m.predict(NDArray.zeros(1, 100_000)));
        assertFalse(m.isInitialized());
    }

    @Test
    void weightsBeyondTheHeapAreRefusedWithTheirSizeInGigabytes() {
        // each layer's 2 billion weights fit in one array; the 16 billion of all eight need 119 GB with their gradients
        var m = dense(100_000, 20_000, "linear");
        for (int i = 0; i < 7; i++) m.add(new Dense(i % 2 == 0 ? 100_000 : 20_000));
        NnException e = assertThrows(NnException.class, () -> m.initialize(0));
        assertTrue(e.getMessage().startsWith("The model's 16,000,480,000 weights need 119.21 GB (each weight and its gradient, 4 bytes each)"),
                e.getMessage());
        assertTrue(e.getMessage().contains("Fix:      make the biggest layers smaller"), e.getMessage());
    }

    @Test
    void learningRateBelowZero() {
        golden("negative_learning_rate", () -> new SGD(-1));
    }

    @Test
    void learningRateZeroOrNaN() {
        String zero = assertThrows(NnException.class, () -> new Adam(0)).getMessage();
        assertTrue(zero.contains("Why:      a step of size 0 never changes the weights"), zero);
        String nan = assertThrows(NnException.class, () -> new Adam(Double.NaN)).getMessage();
        assertTrue(nan.startsWith("Invalid learning_rate: NaN."), nan);
    }

    @Test
    void classNumbersWithCategoricalCrossentropy() {
        var m = dense(4, 3, "softmax");
        m.compile("adam", "categorical_crossentropy", "accuracy");
        String message = golden("class_numbers_with_categorical", () -> m.fit(NDArray.zeros(6, 4), NDArray.of(new float[] {0, 1, 2, 2, 1, 0}), 2, 1, QUIET));
        assertTrue(message.contains("sparse_categorical_crossentropy"), message);
    }

    @Test
    void regressionTargetAgainstASoftmaxOutput() {
        var m = dense(4, 3, "softmax");
        m.compile("adam", "mse");
        String message = golden("regression_target_softmax", () -> m.fit(NDArray.zeros(2, 4), NDArray.of(new float[][] {{0.5f}, {37.5f}}), 2, 1, QUIET));
        assertFalse(message.contains("class"), message);
    }

    @Test
    void regressionTargetOfAnotherWidthGetsNoClassAdvice() {
        var m = dense(4, 3, "linear");
        m.compile("adam", "mse");
        String message = golden("regression_target_width", () -> m.fit(NDArray.zeros(2, 4), NDArray.zeros(2, 1), 2, 1, QUIET));
        assertFalse(message.contains("class"), message);
    }

    @Test
    void softmaxOverOneUnit() {
        var m = dense(4, 1, "softmax");
        m.compile("adam", "binary_crossentropy");
        golden("softmax_one_unit", () -> m.fit(NDArray.zeros(2, 4), NDArray.zeros(2, 1), 2, 1, QUIET));
    }

    @Test
    void dataOfTheWrongShapeIsRefusedBeforeTheFirstEpoch() {
        var m = dense(4, 3, "softmax");
        m.compile("adam", "sparse_categorical_crossentropy");
        var printed = new java.io.ByteArrayOutputStream();
        var o = new FitOptions().out(new java.io.PrintStream(printed));
        assertThrows(NnException.class, () -> m.fit(NDArray.zeros(6, 5), NDArray.zeros(6), 2, 1, o));
        assertEquals("", printed.toString(), "nothing printed: refused before Epoch 1/1");
    }

    @Test
    void classNumbersBeyondTheOutputAreRefusedBeforeTheFirstStep() {
        var m = dense(4, 3, "softmax");
        m.compile("adam", "sparse_categorical_crossentropy");
        golden("class_number_out_of_range", () -> m.fit(NDArray.zeros(4, 4), NDArray.of(new float[] {0, 2, 9, 1}), 2, 1, QUIET));
    }
}
