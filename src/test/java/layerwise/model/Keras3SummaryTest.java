package layerwise.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import layerwise.Golden;
import layerwise.examples.SeedModels;
import layerwise.layers.Add;
import layerwise.layers.BatchNormalization;
import layerwise.layers.Conv2D;
import layerwise.layers.Input;
import layerwise.layers.Names;

/** Keras 3's box table: widths as Keras 3 gives a wide terminal, sizes as its readable_memory_size. */
class Keras3SummaryTest {
    @BeforeEach
    void freshNames() {
        Names.reset();
    }

    @Test
    void seed003AsKeras3PrintsIt() {
        String text = SeedModels.threeConvBlocks().summaryTable().toText(SummaryStyle.KERAS3);
        assertTrue(text.contains(" Total params: 9,494,561 (36.22 MB)\n"), text);
        Golden.assertMatches(getClass(), "seed003_keras3", text);
    }

    @Test
    void aChainIs88CharactersWideAGraph108() {
        String chain = SeedModels.threeConvBlocks().summaryTable().toText(SummaryStyle.KERAS3);
        assertEquals(88, chain.lines().skip(1).findFirst().orElseThrow().length());
        String graph = resnetBlock().summaryTable().toText(SummaryStyle.KERAS3);
        assertEquals(108, graph.lines().skip(1).findFirst().orElseThrow().length());
    }

    @Test
    void aGraphHasConnectedToAndLongCellsWrap() {
        Golden.assertMatches(getClass(), "resnet_block_keras3", resnetBlock().summaryTable().toText(SummaryStyle.KERAS3));
    }

    @Test
    void sizesUseFourBytesAWeightAnd1024BetweenUnits() {
        assertEquals("0.00 B", Keras3SummaryText.size(0));
        assertEquals("1020.00 B", Keras3SummaryText.size(255));
        assertEquals("1.00 KB", Keras3SummaryText.size(256));
        assertEquals("36.22 MB", Keras3SummaryText.size(9_494_561));
    }

    @Test
    void wordsWrapAtSpacesAndAWordTooLongEndsInAnEllipsis() {
        assertEquals(List.of("batch_normalization", "(BatchNormalizatio…"), Keras3SummaryText.wrap("batch_normalization (BatchNormalization)", 19));
        assertEquals(List.of("(None, 224, 224,", "3)"), Keras3SummaryText.wrap("(None, 224, 224, 3)", 17));
    }

    @Test
    void theDefaultStaysTfKeras2() {
        var s = SeedModels.threeConvBlocks().summaryTable();
        assertEquals(s.toText(), s.toText(SummaryStyle.TF_KERAS2));
        assertTrue(s.toText().startsWith("Model: \"model\"\n____"), s.toText());
    }

    /** A ResNet block whose shortcut is a 1×1 stride-2 projection with BatchNormalization. */
    static Model resnetBlock() {
        var in = new Input(32, 32, 64);
        var x = new Conv2D(128, 3).strides(2).padding("same").activation("relu").apply(in);
        x = new Conv2D(128, 3).padding("same").apply(x);
        var shortcut = new BatchNormalization().apply(new Conv2D(128, 1).strides(2).apply(in));
        return new Model(in, new Add().apply(x, shortcut));
    }
}
