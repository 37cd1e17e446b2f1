package layerwise.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ServiceLoader;

import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.Test;

import layerwise.error.NnException;
import layerwise.layers.Conv2D;
import layerwise.layers.Dense;
import layerwise.model.Sequential;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/** The renderers on JJava's own Renderer, as a stock JJava kernel would use them. */
class RenderersTest {
    private static Renderer renderer() {
        Renderer r = new Renderer();
        Renderers.register(r);
        return r;
    }

    @Test
    void theExtensionIsFoundThroughJJavasServiceFile() {
        assertTrue(ServiceLoader.load(Extension.class).stream().anyMatch(p -> p.type() == LayerwiseExtension.class));
    }

    @Test
    void aModelRendersItsSummaryAsAnHtmlTableAndAsText() {
        var model = new Sequential();
        model.add(new Conv2D(16, 3).inputShape(150, 150, 3));
        DisplayData d = renderer().render(model);
        assertTrue(d.getData(MIMEType.TEXT_HTML).toString().contains("<table"));
        assertEquals(model.summaryTable().toText(), d.getData(MIMEType.TEXT_PLAIN));
    }

    @Test
    void aModelWithoutAnInputShapeIsReportedAsItsExplainedErrorNotAsAValue() {
        var model = new Sequential();
        model.add(new Dense(4));
        NnException e = assertThrows(NnException.class, () -> renderer().render(model));
        assertTrue(e.getMessage().contains("has not yet been built"), e.getMessage());
    }

    @Test
    void anExplanationRendersAsMathmlHtmlAndAsMarkdownAndAsText() {
        var model = new Sequential();
        model.add(new Dense(4).inputShape(784));
        DisplayData d = renderer().render(model.explanation());
        assertEquals(model.explanation().toHtml(), d.getData(MIMEType.TEXT_HTML));
        assertEquals(model.explanation().toMarkdown(), d.getData(MIMEType.TEXT_MARKDOWN));
        assertEquals(model.explanation().toText(), d.getData(MIMEType.TEXT_PLAIN));
    }

    @Test
    void aTablesawTableRendersAsAnHtmlTableWithFourDecimals() {
        Table t = Table.create("history", IntColumn.create("epoch", 1, 2), DoubleColumn.create("loss", 0.5, 0.123456));
        String html = renderer().render(t).getData(MIMEType.TEXT_HTML).toString();
        assertTrue(html.contains("<th>epoch</th><th>loss</th>"), html);
        assertTrue(html.contains("<tr><td>2</td><td>0.1235</td></tr>"), html);
    }
}
