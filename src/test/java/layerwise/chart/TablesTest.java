package layerwise.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import layerwise.examples.SeedModels;
import layerwise.layers.Names;
import layerwise.model.Summary;
import tech.tablesaw.api.Table;

/** The summary as a Tablesaw table holds the same rows and numbers as the printed summary. */
class TablesTest {

    @BeforeEach
    void freshNames() {
        Names.reset();
    }

    @Test
    void summaryTableHasTheKerasColumnsAndOneRowPerLayer() {
        Table t = Tables.summary(SeedModels.sameConvolutions(15, 15, 20).summaryTable());
        assertEquals(List.of("name", "type", "output_shape", "params"), t.columnNames());
        assertEquals(List.of("conv2d", "conv2d_1", "dense"), t.stringColumn("name").asList());
        assertEquals(3328L, (long) t.longColumn("params").sum()); // 2172 + 1090 + 66
        assertEquals("sequential", t.name());
    }

    @Test
    void extraColumnsBecomeTableColumns() {
        Table t = Tables.summary(SeedModels.threeConvBlocks().summaryTable().with(Summary.Column.MACS, Summary.Column.RECEPTIVE_FIELD));
        assertEquals(List.of("name", "type", "output_shape", "params", "macs", "receptive_field"), t.columnNames());
        assertEquals(148L * 148 * 27 * 16, t.longColumn("macs").get(1)); // 9,462,528 for conv2d
        assertEquals("22×22", t.stringColumn("receptive_field").get(6));
    }
}
