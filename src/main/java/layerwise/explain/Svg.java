package layerwise.explain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A picture as SVG text, drawn without Graphviz or JavaScript: a notebook shows it inline
 * (image/svg+xml), {@link #save(Path)} writes it to a file. Built with a few shapes:
 * <pre>
 *   Svg.Builder b = new Svg.Builder(200, 100);
 *   b.rect(10, 10, 50, 30, "#dde", "#333").text(35, 30, "conv2d", 11, "middle");
 *   Svg picture = b.build("a model");
 * </pre>
 */
public record Svg(String title, String text) {

    /** Writes the SVG file, creating nothing but the file itself. */
    public Svg save(Path file) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public Svg save(String file) { return save(Path.of(file)); }

    public String toSvg() { return text; }

    @Override public String toString() { return "SVG picture: " + title + " (save(\"picture.svg\") writes it)"; }

    /** Collects shapes; coordinates in pixels from the top left. */
    public static final class Builder {
        private final StringBuilder body = new StringBuilder();
        private final double width, height;

        public Builder(double width, double height) {
            this.width = width;
            this.height = height;
        }

        public Builder rect(double x, double y, double w, double h, String fill, String stroke) {
            body.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\" stroke=\"%s\"/>%n",
                    x, y, w, h, fill, stroke));
            return this;
        }

        /** A rectangle drawn with a thick border and no fill, such as a sliding window. */
        public Builder frame(double x, double y, double w, double h, String stroke, double strokeWidth) {
            body.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"none\" stroke=\"%s\" stroke-width=\"%.1f\"/>%n",
                    x, y, w, h, stroke, strokeWidth));
            return this;
        }

        public Builder line(double x1, double y1, double x2, double y2, String stroke, boolean arrow) {
            body.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"1.5\"%s/>%n",
                    x1, y1, x2, y2, stroke, arrow ? " marker-end=\"url(#arrow)\"" : ""));
            return this;
        }

        /** Text anchored at "start", "middle" or "end" of x; y is the baseline. */
        public Builder text(double x, double y, String s, double size, String anchor) {
            body.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%.1f\" text-anchor=\"%s\">%s</text>%n",
                    x, y, size, anchor, Html.escape(s)));
            return this;
        }

        public Svg build(String title) {
            String head = String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" "
                    + "font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\">%n", width, height, width, height);
            String defs = "<title>" + Html.escape(title) + "</title>\n<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" "
                    + "markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#555\"/></marker></defs>\n"
                    + String.format(Locale.ROOT, "<rect x=\"0\" y=\"0\" width=\"%.0f\" height=\"%.0f\" fill=\"white\"/>%n", width, height);
            return new Svg(title, head + defs + body + "</svg>\n");
        }
    }
}
