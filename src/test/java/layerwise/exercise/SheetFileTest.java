package layerwise.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import layerwise.error.ConfigException;
import layerwise.layers.Conv2D;
import layerwise.layers.Dense;
import layerwise.layers.Flatten;
import layerwise.layers.Input;
import layerwise.layers.Names;
import layerwise.layers.SymbolicTensor;
import layerwise.model.Model;

/**
 * Sheet files: what a teacher writes, what a student's notebook holds, and the errors for a wrong
 * file. Expected numbers are the LeNet-5 ones worked out by hand: conv2d 'same' keeps 28×28, pooling
 * halves to 14×14, conv2d_1 'valid' 5×5 gives 10×10×16; Flatten 5·5·16 = 400; dense 400·120 + 120 =
 * 48,120; total 156 + 2,416 + 48,120 + 1,210 = 51,902; receptive field of conv2d_1 1 + 4 + 1 + 4·2 = 14.
 */
@Tag("exercises")
class SheetFileTest {
    private static final Path LENET = Path.of("notebooks", "exercises", "lenet.json");

    private static ConfigException wrong(String json) {
        return assertThrows(ConfigException.class, () -> SheetFile.parse(json));
    }

    private static String lenet(String questions) {
        return "{\"name\": \"t\",\n \"model\": {\"input\": [28, 28, 1], \"layers\": [{\"Conv2D\": {\"filters\": 6, \"kernel_size\": 5}},\n"
                + "   {\"Flatten\": {}}, {\"Dense\": {\"units\": 10}}]},\n \"questions\": [\n" + questions + "]}";
    }

    @Test
    void theTeachersNumbersGiveTheHandWorkedAnswers() {
        Exercises s = SheetFile.read(LENET).exercises();
        assertEquals(3, s.check("conv2-shape", "(None, 10, 10, 16)").points());
        assertEquals(2, s.check("dense-params", "48,120").points());
        assertEquals(1, s.check("total", "51902").points());
        assertEquals(2, s.check("rf", "14").points());
        assertEquals(2, s.check("missing", "Flatten after max_pooling2d_1").points());
        assertEquals(1, s.check("padding", "'same'").points());
        assertEquals(1, s.check("macs", "240,000").points());      // 10·10·16 outputs × 5·5·6 products each
        assertEquals(1, s.check("memory", "4704 bytes").points());  // 14·14·6 floats × 4 bytes
        assertEquals(1, s.check("none", "the batch size").points());
    }

    @Test
    void anAnswerIsAcceptedInTheFormsAPersonWrites() {
        Exercises s = SheetFile.read(LENET).exercises();
        assertEquals(2, s.check("rf", "14×14").points());          // as summary --columns all prints it
        assertEquals(2, s.check("rf", "14 rows").points());
        assertEquals(1, s.check("total", "51902.0").points());
        assertEquals(3, s.check("conv2-shape", "(None, 10, 10, 16").points());
    }

    @Test
    void aNumberThatEqualsOneTermEarnsNothing() {
        Exercises s = SheetFile.read(LENET).exercises();
        assertEquals(0, s.check("dense-params", "120").points());   // the units, which is also the bias term
        assertEquals(0, s.check("dense-params", "400").points());   // d_in
        assertEquals(0, s.check("total", "1,210").points());        // dense_1's parameters alone
    }

    @Test
    void aNamedMistakeEarnsPartialCreditAndSaysItsCause() {
        Feedback bias = SheetFile.read(LENET).exercises().check("dense-params", "48000");
        assertEquals(1, bias.points());
        assertTrue(bias.notes().get(0).startsWith("missing bias"), bias.notes().toString());
        Feedback swapped = SheetFile.read(LENET).exercises().check("conv2-shape", "(None, 16, 10, 10)");
        assertEquals(1, swapped.points());
        assertTrue(swapped.notes().get(0).contains("channels first"), swapped.notes().toString());
    }

    @Test
    void theStudentsCopyHoldsFixedAnswersOnlyAsSaltedHashes() {
        String json = SheetFile.read(LENET).forStudents();
        assertFalse(json.contains("batch size"), json);
        assertEquals(1, SheetFile.parse(json).exercises().check("none", "Number of samples").points());
    }

    @Test
    void eachStudentGetsOwnNumbersAndASquareInputStaysSquare() {
        SheetFile f = SheetFile.read(LENET);
        for (String id : List.of("s01", "s02", "s03", "s04", "s05")) {
            String code = f.exercises(id).get("conv2-shape").context();
            String input = code.lines().findFirst().orElseThrow();
            String[] dims = input.replaceAll("[^0-9,]", "").split(",");
            assertEquals(dims[0], dims[1], input);
        }
    }

    @Test
    void neighboursNeverShareAnAnswerThatVaries() {
        SheetFile f = SheetFile.read(LENET);
        for (int i = 1; i < 30; i++) {
            Exercises a = f.exercises(String.format("s%02d", i)), b = f.exercises(String.format("s%02d", i + 1));
            for (String q : List.of("conv2-shape", "dense-params", "total", "macs", "memory")) {
                assertNotEquals(a.get(q).modelAnswer(), b.get(q).modelAnswer(), q + " of s" + i + " and its neighbour");
            }
        }
    }

    @Test
    void aSpecAsksForStaysUnchangedByVariation() {
        ModelSpec spec = ModelSpec.of(new long[] {28, 28, 1}, new LayerSpec.Conv(6, 5));
        spec.input()[1] = 3;
        assertEquals(28, spec.input()[1]);
        Variation.of(spec, new java.util.Random(1));
        assertEquals(ModelSpec.of(new long[] {28, 28, 1}, new LayerSpec.Conv(6, 5)), spec);
    }

    @Test
    void invalidJsonNamesTheLine() {
        ConfigException e = wrong("{\"name\": \"t\",\n \"questions\": [\n  {\"id\": \"a\" \"ask\": \"params\"}]}");
        assertTrue(e.getMessage().contains("the sheet, line 3"), e.getMessage());
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
    }

    @Test
    void anUnknownKindNamesTheLineTheFieldAndTheKinds() {
        ConfigException e = wrong(lenet("  {\"id\": \"a\", \"ask\": \"param\", \"layer\": \"dense\"}\n"));
        assertTrue(e.getMessage().contains("the sheet, line 5, questions[0].ask"), e.getMessage());
        assertTrue(e.getMessage().contains("Unknown kind of question 'param'"), e.getMessage());
        assertTrue(e.getMessage().contains("output_shape, params, total_params, receptive_field, missing_layer, fixed"), e.getMessage());
    }

    @Test
    void anUnknownLayerListsTheModelsLayers() {
        ConfigException e = wrong(lenet("  {\"id\": \"a\", \"ask\": \"params\", \"layer\": \"conv2\"}\n"));
        assertTrue(e.getMessage().contains("questions[0].layer"), e.getMessage());
        assertTrue(e.getMessage().contains("[conv2d, flatten, dense]"), e.getMessage());
    }

    @Test
    void aQuestionThatDoesNotFitItsLayerSaysWhy() {
        ConfigException e = wrong(lenet("  {\"id\": \"a\", \"ask\": \"params\", \"layer\": \"flatten\"}\n"));
        assertTrue(e.getMessage().contains("Layer 'flatten' has no trainable parameters."), e.getMessage());
    }

    @Test
    void aMisspelledFieldIsNamed() {
        ConfigException e = wrong(lenet("  {\"id\": \"a\", \"ask\": \"params\", \"layr\": \"dense\"}\n"));
        assertTrue(e.getMessage().contains("Unknown field 'layr' in a question."), e.getMessage());
    }

    @Test
    void aModelFileIsReadFromBesideTheSheet(@TempDir Path dir) throws IOException {
        Model m = Names.isolated(() -> {
            Input in = new Input(8, 8, 1);
            SymbolicTensor x = new Conv2D(4, 3).apply(in);
            x = new Flatten().apply(x);
            return new Model(in, new Dense(2).apply(x));
        });
        Files.writeString(dir.resolve("small.json"), m.toJson());
        Files.writeString(dir.resolve("sheet.json"), "{\"name\": \"small\", \"model\": \"small.json\", \"questions\": ["
                + "{\"id\": \"p\", \"ask\": \"params\", \"layer\": \"conv2d\"}]}");
        assertEquals(2, Exercises.load(dir.resolve("sheet.json")).check("p", "40").points());   // 3·3·1·4 + 4
    }

    @Test
    void aSheetBuiltInJavaReadsBackAsTheSameQuestions(@TempDir Path dir) {
        Model m = Names.isolated(() -> {
            Input in = new Input(28, 28, 1);
            SymbolicTensor x = new Conv2D(6, 5).apply(in);
            x = new Flatten().apply(x);
            return new Model(in, new Dense(10).apply(x));
        });
        SheetFile f = new SheetBuilder("mine").title("Mine").model(m).variants(true).outputShape("shape", "conv2d", 3)
                .totalParams("total", 1).fixed("none", "What is None?", 1, "batch size").write(dir.resolve("mine.json"));
        Exercises back = Exercises.load(dir.resolve("mine.json"));
        assertEquals(List.of("shape", "total", "none"), back.list().stream().map(Exercise::id).toList());
        assertEquals(3, back.check("shape", "24x24x6").points());
        assertEquals(1, back.check("total", "34,726").points());   // 5·5·1·6 + 6 = 156, 24·24·6·10 + 10 = 34,570
        assertEquals("mine", f.name());
    }

    @Test
    void exercisesFromAModelRunFromTheirOwnSheet() {
        Model m = Names.isolated(() -> {
            Input in = new Input(28, 28, 1);
            SymbolicTensor x = new Conv2D(6, 5).apply(in);
            x = new Flatten().apply(x);
            return new Model(in, new Dense(10).apply(x));
        });
        Exercises e = Exercises.from(m);
        Exercises again = Exercises.fromJson(e.sheetFile().forStudents(), "");
        List<String> ids = List.of("conv2d-shape", "conv2d-params", "flatten-shape", "flatten-size", "dense-shape", "dense-params");
        assertEquals(ids, e.list().stream().map(Exercise::id).toList());
        assertEquals(ids, again.list().stream().map(Exercise::id).toList());
        assertEquals(1, again.check("flatten-size", "3456").points());   // 24·24·6
    }
}
