package layerwise.model;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import layerwise.Golden;
import layerwise.error.NnException;
import layerwise.examples.SeedModels;
import layerwise.layers.Concatenate;
import layerwise.layers.Conv2D;
import layerwise.layers.Dense;
import layerwise.layers.Input;
import layerwise.layers.Names;

/** Every error a learner can meet, compared word for word with its reviewed golden text. */
class ErrorMessagesTest {
    static final Path FILES = Path.of("src", "test", "resources", "keras", "errors");

    @BeforeEach
    void freshNames() {
        Names.reset();
    }

    private void golden(String name, Executable wrong) {
        NnException e = assertThrows(NnException.class, wrong);
        Golden.assertMatches(getClass(), name, e.getMessage() + "\n");
    }

    @Test
    void kernelLargerThanItsInput() {
        var model = new Sequential();
        model.add(new Conv2D(8, 3).inputShape(4, 4, 1)); // 4 − 3 + 1 = 2
        golden("kernel_larger_than_input", () -> model.add(new Conv2D(8, 3)));  // 2 − 3 + 1 = 0
    }

    @Test
    void conv2DOnAnInputWithoutChannels() {
        golden("wrong_rank_input", () -> new Conv2D(8, 3).apply(new Input(28, 28)));
    }

    @Test
    void unknownActivationSaysDidYouMean() {
        golden("unknown_activation", () -> new Dense(10).activation("softmx"));
    }

    @Test
    void unknownPaddingSaysDidYouMean() {
        golden("unknown_padding", () -> new Conv2D(8, 3).padding("smae"));
    }

    @Test
    void zeroUnits() {
        golden("zero_units", () -> new Dense(0));
    }

    @Test
    void negativeFilters() {
        golden("negative_filters", () -> new Conv2D(-4, 3));
    }

    @Test
    void zeroKernel() {
        golden("zero_kernel", () -> new Conv2D(8, 0));
    }

    @Test
    void aParameterCountBeyondLongOverflowsWithAnExplanation() {
        // d_in·units + units = 5,000,000,000 · 2,000,000,000 + … = 10^19 > 9,223,372,036,854,775,807
        golden("overflow", () -> new Dense(2_000_000_000).apply(new Input(5_000_000_000L)));
    }

    @Test
    void aTotalBeyondLongOverflowsWithAnExplanation() {
        // each Dense: 3,000,000,000 · 2,000,000,000 + 2,000,000,000 ≈ 6·10^18 fits; two of them (≈ 1.2·10^19) do not
        var in = new Input(3_000_000_000L);
        var a = new Dense(2_000_000_000).apply(in);
        var b = new Dense(2_000_000_000).apply(in);
        var model = new Model(List.of(in), List.of(a, b));
        golden("total_overflow", model::countParams);
    }

    @Test
    void aModelFileWithAListWhereANumberBelongs() {
        golden("wrong_kind_of_value", () -> KerasJson.read("{\"class_name\": \"Functional\", \"config\": {\"name\": \"m\", \"layers\": ["
                + "{\"class_name\": \"InputLayer\", \"config\": {\"batch_input_shape\": [null, 4], \"name\": \"input_1\"}, \"inbound_nodes\": []},"
                + "{\"class_name\": \"Dense\", \"config\": {\"name\": \"dense\", \"units\": 2}, \"inbound_nodes\": [[[\"input_1\", \"first\", 0, {}]]]}],"
                + "\"input_layers\": [[\"input_1\", 0, 0]], \"output_layers\": [[\"dense\", 0, 0]]}}"));
    }

    @Test
    void aNegativeSizeInTheInputShape() {
        golden("negative_input_size", () -> KerasJson.read("{\"class_name\": \"Sequential\", \"config\": {\"name\": \"s\", \"layers\": ["
                + "{\"class_name\": \"Dense\", \"config\": {\"name\": \"dense\", \"units\": 2, \"batch_input_shape\": [null, -4]}}]}}"));
    }

    @Test
    void seed000TargetCheckWithoutFlatten() {
        golden("seed000_target_check", () -> SeedModels.convThenDense(false).checkTarget(100, 10));
    }

    @Test
    void targetWithTheWrongNumberOfClasses() {
        golden("target_wrong_classes", () -> SeedModels.convThenDense(true).checkTarget(100, 5));
    }

    @Test
    void truncatedModelFile() {
        golden("truncated_json", () -> KerasJson.read(FILES.resolve("truncated.json")));
    }

    @Test
    void pythonDictInsteadOfJson() {
        golden("python_dict_json", () -> KerasJson.read(FILES.resolve("python_dict.json")));
    }

    @Test
    void unknownLayerClassInAFile() {
        golden("unknown_layer_class", () -> KerasJson.read(FILES.resolve("unknown_layer.json")));
    }

    @Test
    void unknownActivationInAFileNamesTheLayerAsTheFileDoes() {
        golden("unknown_activation_in_file", () -> KerasJson.read(FILES.resolve("unknown_activation.json")));
    }

    @Test
    void layerConfigWithoutUnits() {
        golden("missing_units", () -> KerasJson.read(FILES.resolve("missing_units.json")));
    }

    @Test
    void inboundNodeNamingNoLayer() {
        golden("dangling_input", () -> KerasJson.read(FILES.resolve("dangling_input.json")));
    }

    @Test
    void addOfMismatchedShapesInAFile() {
        golden("add_mismatch", () -> KerasJson.read(FILES.resolve("add_mismatch.json")));
    }

    @Test
    void concatenateOfMismatchedShapes() {
        var a = new Input(10, 4);
        var b = new Input(12, 4);
        golden("concatenate_mismatch", () -> new Concatenate().apply(a, b));
    }

    @Test
    void aFileThatIsNotAModel() {
        golden("not_a_model", () -> KerasJson.read("{\"class_name\": \"Dense\", \"config\": {\"units\": 3}}"));
    }
}
