package layerwise.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;

import org.dflib.jjava.jupyter.kernel.display.RenderContext;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

import layerwise.error.NnException;
import layerwise.explain.Explanation;
import layerwise.model.Model;
import layerwise.model.Summary;
import tech.tablesaw.api.Table;

/**
 * How Layerwise values look in a notebook, one renderer per type: a Model or Summary as the summary table
 * (HTML and text), an Explanation as Markdown with LaTeX formulas (and text), a chart as a PNG picture,
 * a Tablesaw table as HTML. Every renderer asks the value for its own text or HTML; nothing here knows
 * about layers or formulas.
 */
public final class Renderers {
    private static final int TABLE_ROWS_SHOWN = 60;

    private Renderers() {}

    public static void register(Renderer r) {
        r.createRegistration(Model.class).preferring(MIMEType.TEXT_HTML, MIMEType.TEXT_PLAIN)
                .register((model, ctx) -> summary(model, ctx));
        r.createRegistration(Summary.class).preferring(MIMEType.TEXT_HTML, MIMEType.TEXT_PLAIN)
                .register((s, ctx) -> {
                    ctx.renderIfRequested(MIMEType.TEXT_HTML, () -> s.toHtml());
                    ctx.renderIfRequested(MIMEType.TEXT_PLAIN, () -> s.toText());
                });
        r.createRegistration(Explanation.class).preferring(MIMEType.TEXT_MARKDOWN, MIMEType.TEXT_PLAIN)
                .supporting(MIMEType.TEXT_HTML)
                .register((e, ctx) -> {
                    ctx.renderIfRequested(MIMEType.TEXT_MARKDOWN, () -> e.toMarkdown());
                    ctx.renderIfRequested(MIMEType.TEXT_HTML, () -> e.toHtml());
                    ctx.renderIfRequested(MIMEType.TEXT_PLAIN, () -> e.toText());
                });
        r.createRegistration(Chart.class).preferring(MIMEType.IMAGE_PNG, MIMEType.TEXT_PLAIN)
                .register((chart, ctx) -> {
                    ctx.renderIfRequested(MIMEType.IMAGE_PNG, () -> png(chart));
                    ctx.renderIfRequested(MIMEType.TEXT_PLAIN, () -> "Chart: " + chart.getTitle());
                });
        r.createRegistration(Table.class).preferring(MIMEType.TEXT_HTML, MIMEType.TEXT_PLAIN)
                .register((t, ctx) -> {
                    ctx.renderIfRequested(MIMEType.TEXT_HTML, () -> TableHtml.of(t, TABLE_ROWS_SHOWN));
                    ctx.renderIfRequested(MIMEType.TEXT_PLAIN, () -> t.print());
                });
    }

    /** A model that cannot list its layers yet (no input shape) shows the explanation instead of failing. */
    private static void summary(Model model, RenderContext ctx) {
        Summary s;
        try {
            s = model.summaryTable();
        } catch (NnException e) {
            ctx.renderIfRequested(MIMEType.TEXT_PLAIN, () -> e.getMessage());
            return;
        }
        ctx.renderIfRequested(MIMEType.TEXT_HTML, () -> s.toHtml());
        ctx.renderIfRequested(MIMEType.TEXT_PLAIN, () -> s.toText());
    }

    /** Base64 PNG, as Jupyter expects image data in a display message. */
    static String png(Chart<?, ?> chart) {
        try {
            return Base64.getEncoder().encodeToString(BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
