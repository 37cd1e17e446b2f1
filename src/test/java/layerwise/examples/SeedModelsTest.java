package layerwise.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import layerwise.layers.Names;
import layerwise.model.Model;
import layerwise.model.Summary;
import layerwise.ndarray.Shape;

/** Every number the four student questions print in Keras, worked out by hand from the Keras rules. */
class SeedModelsTest {

    @BeforeEach
    void freshNames() {
        Names.reset();
    }

    private static List<Long> params(Model m) {
        return m.summaryTable().rows().stream().map(Summary.Row::params).toList();
    }

    @Test
    void seed001ChannelsLastGivesTheQuestionsParamCounts() {
        Model m = SeedModels.sameConvolutions(15, 15, 20);
        // 3·3·20·12 + 12 = 2172, 3·3·12·10 + 10 = 1090, 10·6 + 6 = 66
        assertEquals(List.of(2172L, 1090L, 66L), params(m));
        assertEquals(3328, m.countParams());
        assertEquals(Shape.of(15, 15, 6), m.outputShape());
    }

    @Test
    void seed001SwappedAxesTreatsFifteenAsTheChannels() {
        Model m = SeedModels.sameConvolutions(20, 15, 15);
        // 3·3·15·12 + 12 = 1632
        assertEquals(List.of(1632L, 1090L, 66L), params(m));
        assertEquals(2788, m.countParams());
        assertEquals(Shape.of(20, 15, 6), m.outputShape());
    }

    @Test
    void seed001Conv1DModelGivesTheQuestionsParamCounts() {
        Model m = SeedModels.sequenceConvolutions();
        // 3·69·64 + 64 = 13312, 3·64·32 + 32 = 6176, 32·8 + 8 = 264; 'same' keeps the 1287 steps
        assertEquals(List.of(13312L, 6176L, 264L), params(m));
        assertEquals(19752, m.countParams());
        assertEquals(Shape.of(1287, 8), m.outputShape());
    }

    @Test
    void seed002DenseOnAFlatVectorUsesEveryInput() {
        Model m = SeedModels.denseOn(784);
        assertEquals(List.of(3140L, 50L), params(m)); // 784·4 + 4, 4·10 + 10
    }

    @Test
    void seed002DenseOnATrailingAxisOfOneSharesEightWeights() {
        Model m = SeedModels.denseOn(784, 1);
        assertEquals(List.of(8L, 50L), params(m)); // 1·4 + 4
        assertEquals(Shape.of(784, 10), m.outputShape());
    }

    @Test
    void seed002DenseOnAMatrixActsOnItsRows() {
        Model m = SeedModels.denseOn(32, 28);
        assertEquals(List.of(116L, 50L), params(m)); // 28·4 + 4
        assertEquals(Shape.of(32, 10), m.outputShape());
    }

    @Test
    void seed002DenseOnAThreeAxisInputKeepsTwoAxes() {
        Model m = SeedModels.denseOn(32, 28, 1);
        assertEquals(List.of(8L, 50L), params(m));
        assertEquals(Shape.of(32, 28, 10), m.outputShape());
    }

    @Test
    void seed003GivesTheSummaryNumbers() {
        Model m = SeedModels.threeConvBlocks();
        // input, conv 3·3·3·16+16, pool, conv 3·3·16·32+32, pool, conv 3·3·32·64+64, pool, flatten, 18496·512+512, 512+1
        assertEquals(List.of(0L, 448L, 0L, 4640L, 0L, 18496L, 0L, 0L, 9470464L, 513L), params(m));
        assertEquals(9494561, m.countParams());
    }

    @Test
    void seed000WithoutFlattenStaysFourDimensional() {
        Model m = SeedModels.convThenDense(false);
        assertEquals(Shape.of(98, 98, 10), m.outputShape());
    }

    @Test
    void seed000WithFlattenHasTheBenchmarkParamCount() {
        assertEquals(78_679_690, SeedModels.convThenDense(true).countParams());
    }
}
