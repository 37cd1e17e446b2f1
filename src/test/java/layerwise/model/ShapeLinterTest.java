package layerwise.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import layerwise.Golden;
import layerwise.error.ConfigException;
import layerwise.examples.SeedModels;
import layerwise.layers.Conv2D;
import layerwise.layers.Dense;
import layerwise.layers.Flatten;
import layerwise.layers.MaxPooling2D;
import layerwise.layers.Names;

/** The shape linter: warnings for models that build but probably do not do what was meant. */
class ShapeLinterTest {

    @BeforeEach
    void freshNames() {
        Names.reset();
    }

    private static String text(List<ShapeLinter.Warning> warnings) {
        return String.join("\n", warnings.stream().map(ShapeLinter.Warning::toText).toList()) + "\n";
    }

    @Test
    void denseRightAfterConv2DWarnsWithTheCostOfEachFix() {
        var warnings = SeedModels.convThenDense(false).lint();
        assertEquals(1, warnings.size());
        // Flatten: 98·98·32·256 + 256 = 307,328·256 + 256 = 78,676,224; global pooling: 32·256 + 256 = 8,448
        assertTrue(warnings.get(0).fix().contains("= 78,676,224 params"), warnings.get(0).fix());
        assertTrue(warnings.get(0).fix().contains("32×256 + 256 = 8,448 params"), warnings.get(0).fix());
        Golden.assertMatches(getClass(), "dense_after_conv2d", text(warnings));
    }

    @Test
    void seed003WithFlattenHasNoWarnings() {
        assertEquals(List.of(), SeedModels.threeConvBlocks().lint());
    }

    @Test
    void denseAfterFlattenIsNotFlagged() {
        assertEquals(List.of(), SeedModels.convThenDense(true).lint());
    }

    @Test
    void poolingThatDropsTheLastRowSaysHowMany() {
        var model = new Sequential();
        model.add(new Conv2D(8, 3).inputShape(77, 77, 1)); // 77 − 3 + 1 = 75
        model.add(new MaxPooling2D(2));                      // (75 − 2) mod 2 = 1 row and 1 column never read
        var warnings = model.lint();
        assertEquals(2, warnings.size());
        assertTrue(warnings.get(0).message().startsWith("the last 1 of the 75 input rows are never read"), warnings.get(0).message());
        Golden.assertMatches(getClass(), "pool_remainder", text(warnings));
    }

    @Test
    void strideLargerThanKernelSkipsPositions() {
        var model = new Sequential();
        model.add(new Conv2D(8, 2).strides(3, 1).inputShape(30, 30, 1));
        var warnings = model.lint();
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).message().contains("1 of every 3 input positions are never read"), warnings.get(0).message());
    }

    @Test
    void resnetProjectionShortcutIsNotFlagged() {
        assertEquals(List.of(), Keras3SummaryTest.resnetBlock().lint());
    }

    @Test
    void oneByOneStrideTwoInAPlainChainIsStillFlagged() {
        var model = new Sequential();
        model.add(new Conv2D(8, 1).strides(2).inputShape(8, 8, 3));
        var warnings = model.lint();
        assertEquals(2, warnings.size(), "rows and columns");
        assertTrue(warnings.get(0).message().contains("1 of every 2 input positions are never read"), warnings.get(0).message());
    }

    @Test
    void sigmoidOutputWithCategoricalCrossentropyIsFlagged() {
        var warnings = SeedModels.threeConvBlocks().lint("categorical_crossentropy");
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).message().contains("needs one output per class, but the output has 1 unit"));
    }

    @Test
    void sigmoidOutputWithBinaryCrossentropyFits() {
        assertEquals(List.of(), SeedModels.threeConvBlocks().lint("binary_crossentropy"));
    }

    @Test
    void softmaxOverOneUnitIsFlaggedWhateverTheLoss() {
        var model = new Sequential();
        model.add(new Dense(1).activation("softmax").inputShape(4));
        var warnings = model.lint("mse");
        assertTrue(warnings.get(0).message().startsWith("softmax over a single unit always outputs 1.0"));
        Golden.assertMatches(getClass(), "softmax_one_unit_mse", text(warnings));
    }

    @Test
    void fourDimensionalOutputWithCategoricalLossIsFlagged() {
        var warnings = SeedModels.convThenDense(false).lint("categorical_crossentropy");
        assertTrue(warnings.stream().anyMatch(w -> w.message().contains("one prediction per position")));
    }

    @Test
    void unknownLossSuggestsTheClosestName() {
        var e = assertThrows(ConfigException.class, () -> SeedModels.denseOn(784).lint("categorial_crossentropy"));
        assertEquals("did you mean 'categorical_crossentropy'?", e.fix());
    }

    @Test
    void flattenThenDenseOnALargeMapIsNotFlaggedEvenIfBig() {
        var model = new Sequential();
        model.add(new Conv2D(4, 3).inputShape(10, 10, 1));
        model.add(new Flatten());
        model.add(new Dense(2).activation("softmax"));
        assertEquals(List.of(), model.lint("categorical_crossentropy"));
    }
}
