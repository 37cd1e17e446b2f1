package layerwise.model;

import static layerwise.explain.Html.escape;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import layerwise.explain.Explanation;
import layerwise.model.Summary.Column;
import layerwise.model.Summary.Row;
import layerwise.model.Summary.Status;

/**
 * Writes a {@link Summary} as an HTML table for notebooks: the Keras columns (plus "Connected to" for
 * a graph and any extra columns chosen), numbers grouped by thousands, a failed layer's reason in a
 * row of its own, the totals below.
 */
final class HtmlSummaryText {
    private HtmlSummaryText() {}

    static String render(Summary s) {
        List<String> headers = new ArrayList<>(List.of("Layer (type)"));
        if (s.columns().contains(Column.INPUT_SHAPE)) headers.add(Column.INPUT_SHAPE.header);
        headers.addAll(List.of("Output Shape", "Param #"));
        if (!s.sequentialLike()) headers.add("Connected to");
        for (Column c : Column.values()) if (c != Column.INPUT_SHAPE && s.columns().contains(c)) headers.add(c.header);
        StringBuilder out = new StringBuilder("<div class=\"layerwise-summary\">\n<p><b>Model: \"")
                .append(escape(s.modelName())).append("\"</b></p>\n<table>\n<thead><tr>");
        for (String h : headers) out.append("<th style=\"text-align:").append(align(h)).append("\">").append(h).append("</th>");
        out.append("</tr></thead>\n<tbody>\n");
        for (Row r : s.rows()) {
            out.append("<tr>");
            List<String> cells = cells(s, r);
            for (int i = 0; i < cells.size(); i++) {
                out.append("<td style=\"text-align:").append(align(headers.get(i))).append("\">").append(escape(cells.get(i))).append("</td>");
            }
            out.append("</tr>\n");
            if (r.status() == Status.FAILED) {
                out.append("<tr><td colspan=\"").append(headers.size()).append("\">✗ ").append(escape(r.reason())).append("</td></tr>\n");
            }
        }
        out.append("</tbody>\n</table>\n<p>");
        if (s.isComplete()) {
            out.append(String.format("Total params: %,d<br>Trainable params: %,d<br>Non-trainable params: %,d",
                    s.totalParams(), s.trainableParams(), s.nonTrainableParams()));
        } else {
            out.append(String.format("Total params: ? (%,d in the layers before the failure)", s.totalParams()));
        }
        return out.append("</p>\n</div>\n").toString();
    }

    /** Counts line up on the right, as numbers do; names and shapes on the left. */
    private static String align(String header) {
        return List.of("Param #", "Mult-Adds", "Activations").contains(header) ? "right" : "left";
    }

    private static List<String> cells(Summary s, Row r) {
        boolean known = r.isKnown();
        List<String> c = new ArrayList<>(List.of("\u00a0\u00a0".repeat(r.depth()) + r.label().strip()));
        if (s.columns().contains(Column.INPUT_SHAPE)) {
            c.add(known ? r.inputs().stream().map(x -> x.withBatch()).collect(Collectors.joining(", ")) : "?");
        }
        c.add(r.outputShape());
        c.add(known ? Explanation.thousands(r.params()) : "?");
        if (!s.sequentialLike()) c.add(String.join(", ", r.connectedTo()));
        if (s.columns().contains(Column.MACS)) c.add(known ? Explanation.thousands(r.macs()) : "?");
        if (s.columns().contains(Column.MEMORY)) c.add(r.activationBytes() < 0 ? "?" : WideSummaryText.bytes(r.activationBytes()));
        if (s.columns().contains(Column.RECEPTIVE_FIELD)) c.add(r.receptiveField());
        if (s.columns().contains(Column.TRAINABLE)) c.add(r.trainable() ? "yes" : "no");
        return c;
    }
}
