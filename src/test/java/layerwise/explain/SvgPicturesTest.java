package layerwise.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import layerwise.examples.SeedModels;
import layerwise.layers.Add;
import layerwise.layers.AveragePooling1D;
import layerwise.layers.Conv1D;
import layerwise.layers.Conv2D;
import layerwise.layers.Dense;
import layerwise.layers.GlobalAveragePooling2D;
import layerwise.layers.Input;
import layerwise.layers.MaxPooling2D;
import layerwise.layers.Names;
import layerwise.layers.Role;
import layerwise.model.Model;
import layerwise.ndarray.Shape;

/** Every SVG picture parses as XML, says what it shows, and renders with rsvg-convert (Debian librsvg2-bin). */
class SvgPicturesTest {
    @TempDir Path dir;

    @BeforeEach
    void freshNames() { Names.reset(); }

    @Test
    void aSequentialDiagramHasABlockAndALabelPerLayer() throws Exception {
        Model model = SeedModels.threeConvBlocks();
        Svg svg = model.diagram();
        List<String> texts = texts(parse(svg));
        for (var layer : model.layers()) assertTrue(texts.contains(layer.label()), layer.label() + " in " + texts);
        assertTrue(texts.contains("(None, 148, 148, 16)  ·  448 params"), texts.toString());
        renders(svg, "seed003.svg");
    }

    @Test
    void aBranchingModelIsDrawnAsAGraphWithAnArrowPerConnection() throws Exception {
        var in = new Input(8, 8, 2);
        var a = new Conv2D(4, 3).padding("same").apply(in);
        var b = new Conv2D(4, 1).apply(in);
        Model model = new Model(in, new Dense(3).apply(new GlobalAveragePooling2D().apply(new Add().apply(a, b))));
        Document doc = parse(model.diagram());
        assertEquals(6, doc.getElementsByTagName("line").getLength(), "in→a, in→b, a→add, b→add, add→pool, pool→dense");
        renders(model.diagram(), "branches.svg");
    }

    @Test
    void blocksAreColouredByWhatTheirLayerDoes() throws Exception {
        Model model = SeedModels.threeConvBlocks();
        List<String> fills = blockFills(parse(model.diagram()));
        List<Role> roles = model.nodes().stream().map(t -> t.layer().role()).toList();
        assertEquals(roles.size(), fills.size(), "one block per layer");
        for (int i = 0; i < roles.size(); i++) {
            for (int j = 0; j < roles.size(); j++) {
                assertEquals(roles.get(i) == roles.get(j), fills.get(i).equals(fills.get(j)), roles.get(i) + " and " + roles.get(j));
            }
        }
    }

    @Test
    void theKeyNamesEachRoleInTheModelOnce() throws Exception {
        List<String> texts = texts(parse(SeedModels.threeConvBlocks().diagram()));
        for (Role r : List.of(Role.INPUT, Role.CONVOLUTION, Role.POOLING, Role.RESHAPING, Role.DENSE)) {
            assertEquals(1, texts.stream().filter(r.description()::equals).count(), r.description() + " in " + texts);
        }
        assertFalse(texts.contains(Role.MERGE.description()), "no merge in this model, so none in its key");
    }

    @Test
    void aStridedSamePaddedWindowShowsItsPaddingTwoPositionsAndTheFormula() throws Exception {
        Svg svg = new Conv2D(8, 3).strides(2).padding("same").picture(Shape.of(7, 7, 3));
        Document doc = parse(svg);
        List<String> texts = texts(doc);
        assertTrue(texts.contains("cols: O = ⌈W/S⌉ = ⌈7/2⌉ = 4"), texts.toString());
        assertTrue(texts.contains("stride S = 2"), texts.toString());
        assertEquals(9 * 9 + 4 * 4, count(doc, "rect", "#999"), "a 9×9 padded input grid and a 4×4 output grid");
        assertEquals(2, count(doc, "rect", "#d62728", "#f4cccc") + count(doc, "rect", "#1f77b4", "#cfe2f3"), "the two outputs the two windows make");
        assertEquals(2, count(doc, "rect", "#d62728", "none") + count(doc, "rect", "#1f77b4", "none"), "the two windows");
        assertEquals(32, count(doc, "rect", "#999", "#d0d0d0"), "the 32 padding cells around the 7×7 input are shaded");
        renders(svg, "conv.svg");
    }

    @Test
    void poolingAndOneDimensionalWindowsRenderToo() throws Exception {
        renders(new MaxPooling2D(2).picture(Shape.of(6, 6, 3)), "pool.svg");
        renders(new Conv1D(4, 3).padding("causal").picture(Shape.of(10, 2)), "causal.svg");
        renders(new AveragePooling1D(3).strides(1).picture(Shape.of(8, 1)), "avg.svg");
    }

    private static Document parse(Svg svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(svg.toSvg().getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> texts(Document doc) {
        NodeList nodes = doc.getElementsByTagName("text");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) out.add(nodes.item(i).getTextContent());
        return out;
    }

    /** The fill of each layer's block (the rectangles as tall as a block), top to bottom and left to right. */
    private static List<String> blockFills(Document doc) {
        NodeList nodes = doc.getElementsByTagName("rect");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            var e = (org.w3c.dom.Element) nodes.item(i);
            if (e.getAttribute("height").equals("46.0")) out.add(e.getAttribute("fill"));
        }
        return out;
    }

    private static int count(Document doc, String tag, String stroke, String... fill) {
        NodeList nodes = doc.getElementsByTagName(tag);
        int n = 0;
        for (int i = 0; i < nodes.getLength(); i++) {
            var e = (org.w3c.dom.Element) nodes.item(i);
            if (e.getAttribute("stroke").equals(stroke) && (fill.length == 0 || e.getAttribute("fill").equals(fill[0]))) n++;
        }
        return n;
    }

    /** rsvg-convert turns the file into a PNG without complaint. */
    private void renders(Svg svg, String name) throws IOException, InterruptedException {
        Path file = dir.resolve(name), png = dir.resolve(name + ".png");
        svg.save(file);
        Process p = new ProcessBuilder("rsvg-convert", file.toString(), "-o", png.toString()).redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "rsvg-convert did not finish");
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), "rsvg-convert " + name + ": " + output);
        assertTrue(output.isBlank(), output);
        assertTrue(Files.size(png) > 1000, "a real picture");
    }
}
