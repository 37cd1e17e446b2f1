package layerwise.kernel;

import java.util.Base64;

import org.dflib.jjava.jupyter.kernel.display.RenderContext;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.knowm.xchart.XYChart;

import layerwise.chart.Charts;
import layerwise.chart.Tables;
import layerwise.exercise.Exercise;
import layerwise.exercise.Exercises;
import layerwise.exercise.Feedback;
import layerwise.explain.Explanation;
import layerwise.explain.Svg;
import layerwise.model.FeatureMaps;
import layerwise.model.Model;
import layerwise.model.Summary;
import layerwise.train.History;
import tech.tablesaw.api.Table;

/**
 * How Layerwise values look in a notebook, one renderer per type: a Model or Summary as the summary table
 * (HTML and text), an Explanation as HTML with MathML formulas (and Markdown with LaTeX, and text), a training History and
 * any XChart line chart as a PNG picture, a Tablesaw table as HTML, an exercise, its feedback and a sheet
 * as HTML. Every renderer asks the value for its own text or HTML; nothing here knows
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
        // HTML with MathML first: it draws without MathJax (exported, offline, untrusted); the LaTeX Markdown stays beside it
        r.createRegistration(Explanation.class).preferring(MIMEType.TEXT_HTML, MIMEType.TEXT_MARKDOWN, MIMEType.TEXT_PLAIN)
                .register((e, ctx) -> {
                    ctx.renderIfRequested(MIMEType.TEXT_MARKDOWN, () -> e.toMarkdown());
                    ctx.renderIfRequested(MIMEType.TEXT_HTML, () -> e.toHtml());
                    ctx.renderIfRequested(MIMEType.TEXT_PLAIN, () -> e.toText());
                });
        r.createRegistration(FeatureMaps.class).preferring(MIMEType.IMAGE_PNG, MIMEType.TEXT_PLAIN)
                .register((maps, ctx) -> {
                    ctx.renderIfRequested(MIMEType.IMAGE_PNG, () -> base64(maps.png()));
                    ctx.renderIfRequested(MIMEType.TEXT_PLAIN, maps::toString);
                });
        r.createRegistration(Svg.class).preferring(MIMEType.IMAGE_SVG, MIMEType.TEXT_PLAIN)
                .register((svg, ctx) -> {
                    ctx.renderIfRequested(MIMEType.IMAGE_SVG, svg::toSvg);
                    ctx.renderIfRequested(MIMEType.TEXT_PLAIN, svg::toString);
                });
        r.createRegistration(XYChart.class).preferring(MIMEType.IMAGE_PNG, MIMEType.TEXT_PLAIN)
                .register((chart, ctx) -> {
                    ctx.renderIfRequested(MIMEType.IMAGE_PNG, () -> base64(Charts.png(chart)));
                    ctx.renderIfRequested(MIMEType.TEXT_PLAIN, () -> "Chart: " + chart.getTitle());
                });
        r.createRegistration(History.class).preferring(MIMEType.IMAGE_PNG, MIMEType.TEXT_PLAIN)
                .supporting(MIMEType.TEXT_HTML)
                .register((h, ctx) -> {
                    ctx.renderIfRequested(MIMEType.IMAGE_PNG, () -> base64(Charts.png(Charts.history(h))));
                    ctx.renderIfRequested(MIMEType.TEXT_HTML, () -> TableHtml.of(Tables.history(h), TABLE_ROWS_SHOWN));
                    ctx.renderIfRequested(MIMEType.TEXT_PLAIN, () -> h.toString());
                });
        r.createRegistration(Feedback.class).preferring(MIMEType.TEXT_HTML, MIMEType.TEXT_PLAIN)
                .register((f, ctx) -> {
                    ctx.renderIfRequested(MIMEType.TEXT_HTML, () -> f.toHtml());
                    ctx.renderIfRequested(MIMEType.TEXT_PLAIN, () -> f.toText());
                });
        r.createRegistration(Exercise.class).preferring(MIMEType.TEXT_HTML, MIMEType.TEXT_PLAIN)
                .register((e, ctx) -> {
                    ctx.renderIfRequested(MIMEType.TEXT_HTML, () -> e.toHtml());
                    ctx.renderIfRequested(MIMEType.TEXT_PLAIN, () -> e.toText());
                });
        r.createRegistration(Exercises.class).preferring(MIMEType.TEXT_HTML, MIMEType.TEXT_PLAIN)
                .register((s, ctx) -> {
                    ctx.renderIfRequested(MIMEType.TEXT_HTML, () -> s.toHtml());
                    ctx.renderIfRequested(MIMEType.TEXT_PLAIN, () -> s.toText());
                });
        r.createRegistration(Table.class).preferring(MIMEType.TEXT_HTML, MIMEType.TEXT_PLAIN)
                .register((t, ctx) -> {
                    ctx.renderIfRequested(MIMEType.TEXT_HTML, () -> TableHtml.of(t, TABLE_ROWS_SHOWN));
                    ctx.renderIfRequested(MIMEType.TEXT_PLAIN, () -> t.print());
                });
    }

    /**
     * A model that cannot list its layers yet (no input shape) throws its explained error here, so the
     * notebook shows it as an error under the cell, not as the cell's value.
     */
    private static void summary(Model model, RenderContext ctx) {
        Summary s = model.summaryTable();
        ctx.renderIfRequested(MIMEType.TEXT_HTML, () -> s.toHtml());
        ctx.renderIfRequested(MIMEType.TEXT_PLAIN, () -> s.toText());
    }

    /** Jupyter expects image bytes in Base64. */
    private static String base64(byte[] png) {
        return Base64.getEncoder().encodeToString(png);
    }
}
