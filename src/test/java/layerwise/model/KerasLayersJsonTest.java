package layerwise.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import layerwise.layers.*;

/** Every layer class reads back from the JSON Layerwise writes, and merge layers read from hand-written files. */
class KerasLayersJsonTest {
    static final Path DIR = Path.of("src", "test", "resources", "keras");

    @BeforeEach
    void freshNames() {
        Names.reset();
    }

    private static void assertRoundTrip(Model m) {
        assertEquals(m.summaryTable().toText(), KerasJson.read(m.toJson()).summaryTable().toText());
    }

    @Test
    void everyLayerClassInTheLayersPackageHasAReader() throws IOException, ClassNotFoundException {
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src", "main", "java", "layerwise", "layers"))) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString().replace(".java", "");
                if (name.equals("package-info")) continue;
                Class<?> c = Class.forName("layerwise.layers." + name);
                boolean concreteLayer = Layer.class.isAssignableFrom(c) && !Modifier.isAbstract(c.getModifiers()) && c != InputLayer.class;
                if (concreteLayer && !LayerReaders.known().contains(name)) missing.add(name);
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void convolutionsAndPooling2DSurviveTheRoundTrip() {
        var m = new Sequential();
        m.add(new ZeroPadding2D(1, 2).inputShape(32, 30, 3));
        m.add(new Conv2D(8, 3).strides(2).padding("same").useBias(false));
        m.add(new BatchNormalization());
        m.add(new Activation("relu"));
        m.add(new DepthwiseConv2D(3).depthMultiplier(2));
        m.add(new SeparableConv2D(16, 3).padding("same"));
        m.add(new AveragePooling2D(2));
        m.add(new UpSampling2D(2));
        m.add(new Conv2DTranspose(4, 3).strides(2).padding("same"));
        m.add(new Conv2D(4, 3).dilationRate(2));
        m.add(new GlobalAveragePooling2D());
        m.add(new Dropout(0.25));
        m.add(new Dense(12).activation("relu"));
        m.add(new Reshape(3, 4));
        assertRoundTrip(m);
    }

    @Test
    void oneAndThreeDimensionalLayersSurviveTheRoundTrip() {
        var m1 = new Sequential();
        m1.add(new Conv1D(8, 3).padding("causal").inputShape(100, 4));
        m1.add(new MaxPooling1D(2));
        m1.add(new AveragePooling1D(3).strides(2));
        m1.add(new GlobalMaxPooling1D());
        assertRoundTrip(m1);
        var m3 = new Sequential();
        m3.add(new Conv3D(4, 3).inputShape(16, 16, 16, 1));
        m3.add(new MaxPooling3D(2));
        m3.add(new AveragePooling3D(2).padding("same"));
        m3.add(new Flatten());
        assertRoundTrip(m3);
        var m4 = new Sequential();
        m4.add(new Conv1D(8, 3).inputShape(50, 2));
        m4.add(new GlobalAveragePooling1D());
        assertRoundTrip(m4);
        var m5 = new Sequential();
        m5.add(new GlobalMaxPooling2D().inputShape(4, 4, 3));
        assertRoundTrip(m5);
    }

    @Test
    void recurrentLayersAndEmbeddingSurviveTheRoundTrip() {
        var m = new Sequential();
        m.add(new Embedding(1000, 16).inputLength(20));
        m.add(new Bidirectional(new LSTM(8).returnSequences(true)));
        m.add(new GRU(6).returnSequences(true).resetAfter(false));
        m.add(new SimpleRNN(4));
        m.add(new Dense(1).activation("sigmoid"));
        assertRoundTrip(m);
    }

    @Test
    void mergeLayersSurviveTheRoundTrip() {
        var a = new Input(32);
        var b = new Input(32);
        var sum = new Add().apply(new Dense(8).apply(a), new Dense(8).apply(b));
        var both = new Concatenate().apply(sum, a);
        assertRoundTrip(new Model(List.of(a, b), List.of(new Dense(1).apply(both))));
    }

    @Test
    void readsTf2TwoInputModelWithAddAndConcatenate() {
        Model m = KerasJson.read(DIR.resolve("tf2/two_inputs_concatenate_add.json"));
        // in Keras's order (by depth from the output: input_1, input_2 at 4; dense, dense_1 at 3; add; concatenate; dense_2):
        // dense 32·8+8 = 264; dense_1 16·8+8 = 136; add 0; concatenate 8+16 = 24 wide; dense_2 24·1+1 = 25
        assertEquals(List.of(0L, 0L, 264L, 136L, 0L, 0L, 25L), m.summaryTable().rows().stream().map(Summary.Row::params).toList());
        assertEquals(2, m.inputs().size());
        assertTrue(m.summaryTable().toText().contains("dense[0][0]"));
    }

    @Test
    void readsKeras3ConcatenateWhoseArgumentsAreAList() {
        Model m = KerasJson.read(DIR.resolve("keras3/two_inputs_concatenate.json"));
        // concatenate (10, 4+2) = (10, 6); LSTM 4·(6·16 + 16·16 + 16) = 4·368 = 1472; dense 16·3+3 = 51
        assertEquals(List.of(0L, 0L, 0L, 1472L, 51L), m.summaryTable().rows().stream().map(Summary.Row::params).toList());
    }
}
