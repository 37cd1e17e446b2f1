package layerwise.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import layerwise.Golden;
import layerwise.examples.SeedModels;
import layerwise.layers.Conv2D;
import layerwise.layers.Dense;
import layerwise.layers.Names;

/** summary() and explain() of the seed models, compared with reviewed golden text. */
class SummaryGoldenTest {

    @BeforeEach
    void freshNames() {
        Names.reset();
    }

    @Test
    void seed003SummaryInTheKerasLayout() {
        Golden.assertMatches(getClass(), "seed003_summary", SeedModels.threeConvBlocks().summaryTable().toText());
    }

    @Test
    void seed003ExplanationAsText() {
        Golden.assertMatches(getClass(), "seed003_explain", SeedModels.threeConvBlocks().explanation().toText());
    }

    @Test
    void seed003ExplanationAsMarkdown() {
        Golden.assertMatches(getClass(), "seed003_explain_markdown", SeedModels.threeConvBlocks().explanation().toMarkdown());
    }

    @Test
    void seed003SummaryWithEveryExtraColumn() {
        Golden.assertMatches(getClass(), "seed003_summary_all_columns", SeedModels.threeConvBlocks().summaryTable().withAllColumns().toText());
    }

    @Test
    void seed001SummaryInTheKerasLayout() {
        Golden.assertMatches(getClass(), "seed001_summary", SeedModels.sameConvolutions(15, 15, 20).summaryTable().toText());
    }

    @Test
    void seed001ExplanationAsText() {
        Golden.assertMatches(getClass(), "seed001_explain", SeedModels.sameConvolutions(15, 15, 20).explanation().toText());
    }

    @Test
    void seed001ExplanationAsMarkdown() {
        Golden.assertMatches(getClass(), "seed001_explain_markdown", SeedModels.sameConvolutions(15, 15, 20).explanation().toMarkdown());
    }

    @Test
    void seed003SummaryAsHtml() {
        Golden.assertMatches(getClass(), "seed003_summary_html", SeedModels.threeConvBlocks().summaryTable().toHtml());
    }

    @Test
    void seed003JsonSummaryWithExtras() {
        Golden.assertMatches(getClass(), "seed003_summary_extras_json",
                SeedModels.threeConvBlocks().summaryTable().with(Summary.Column.MACS, Summary.Column.RECEPTIVE_FIELD).toJson());
    }

    @Test
    void receptiveFieldGrowsByKernelMinusOneTimesTheJump() {
        // 3×3 conv: 3; 2×2 pool stride 2: 3 + 1·1 = 4, jump 2; 3×3 conv: 4 + 2·2 = 8, jump 2; pool: 8 + 1·2 = 10, jump 4;
        // conv: 10 + 2·4 = 18; pool: 18 + 1·4 = 22; Flatten and Dense see everything
        var rows = SeedModels.threeConvBlocks().summaryTable().rows();
        assertEquals(List.of("1×1", "3×3", "4×4", "8×8", "10×10", "18×18", "22×22", "all", "all", "all"),
                rows.stream().map(Summary.Row::receptiveField).toList());
    }

    @Test
    void dilationWidensTheReceptiveField() {
        var model = new Sequential();
        model.add(new Conv2D(4, 3).dilationRate(2).inputShape(20, 20, 1)); // K_eff = 3 + 2·1 = 5
        model.add(new Conv2D(4, 3));                                       // 5 + 2·1 = 7
        assertEquals(List.of("5×5", "7×7"), model.summaryTable().rows().stream().map(Summary.Row::receptiveField).toList());
    }

    @Test
    void multAddsOfConvAreOutputPositionsTimesKernelVolumeTimesFilters() {
        var rows = SeedModels.threeConvBlocks().summaryTable().rows();
        assertEquals(148L * 148 * (3 * 3 * 3) * 16, rows.get(1).macs()); // 9,462,528
        assertEquals(18_496L * 512, rows.get(8).macs());
    }

    @Test
    void activationMemoryIsFourBytesPerOutputElement() {
        var rows = SeedModels.threeConvBlocks().summaryTable().rows();
        assertEquals(148L * 148 * 16 * 4, rows.get(1).activationBytes()); // 1,401,856 bytes
    }

    @Test
    void frozenLayersShowAsNotTrainable() {
        var model = new Sequential();
        model.add(new Dense(4).trainable(false).inputShape(3)); // 3·4 + 4 = 16 frozen
        model.add(new Dense(2));                                // 4·2 + 2 = 10
        Summary s = model.summaryTable();
        assertEquals(List.of(false, true), s.rows().stream().map(Summary.Row::trainable).toList());
        assertEquals(16, s.nonTrainableParams());
        assertEquals(10, s.trainableParams());
    }
}
