package layerwise.chart;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

import layerwise.train.History;

/**
 * Line charts of a training run, Keras's {@code plt.plot(history.history['loss'])} in one call:
 * <pre>
 *   XYChart chart = Charts.history(history);   // loss on the left axis, accuracy (0 to 1) on the right
 *   Charts.save(chart, Path.of("loss.png"));   // .png or .svg
 * </pre>
 * Each figure has its colour, and so does its axis; validation curves are dashed in their twin's colour.
 */
public final class Charts {
    /** Colours of the figures in the order History lists them: loss blue, the first metric orange, …. */
    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xe6750f), new Color(0x2ca02c),
            new Color(0x9467bd), new Color(0x8c564b), new Color(0xd62728)};
    private static final int LEFT = 0, RIGHT = 1;

    private Charts() {}

    /**
     * The history's figures by epoch. Fractions (accuracies, precision, recall) go on the right axis, fixed
     * at 0 to 1 so no point falls below its lowest tick; loss and the other figures on the left, which
     * starts at 0. Each axis is titled with its figures and its numbers are in their colour.
     */
    public static XYChart history(History h) {
        XYChart chart = new XYChartBuilder().width(720).height(420).title("Training history")
                .xAxisTitle("epoch").yAxisTitle("loss").build();
        XYStyler styler = chart.getStyler();
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Horizontal);
        styler.setYAxisGroupPosition(RIGHT, Styler.YAxisPosition.Right);
        double[] epochs = IntStream.rangeClosed(1, Math.max(h.epochs(), 1)).asDoubleStream().toArray();
        List<String> figures = h.keys().stream().map(Charts::figure).distinct().toList();
        Map<Integer, List<String>> axisFigures = new TreeMap<>();
        double lowest = 0;
        for (String key : h.keys()) {
            double[] values = h.get(key);
            if (values.length == 0 || Arrays.stream(values).allMatch(Double::isNaN)) continue;
            int axis = isFraction(figure(key)) ? RIGHT : LEFT;
            XYSeries s = chart.addSeries(key, Arrays.copyOf(epochs, values.length), values);
            draw(s, axis, colour(figures, figure(key)), key.startsWith("val_"));
            List<String> onAxis = axisFigures.computeIfAbsent(axis, a -> new ArrayList<>());
            if (!onAxis.contains(figure(key))) onAxis.add(figure(key));
            if (axis == LEFT) lowest = Math.min(lowest, Arrays.stream(values).filter(v -> !Double.isNaN(v)).min().orElse(0));
        }
        axisFigures.forEach((axis, names) -> label(chart, axis, names, colour(figures, names.get(0))));
        styler.setYAxisMin(LEFT, lowest);
        styler.setYAxisMin(RIGHT, 0.0);
        styler.setYAxisMax(RIGHT, 1.0);
        return chart;
    }

    /** An axis titled with its figures, its numbers in the colour of the first one's curves. */
    private static void label(XYChart chart, int axis, List<String> names, Color colour) {
        chart.setYAxisGroupTitle(axis, String.join(", ", names) + (axis == RIGHT ? " (0 to 1)" : ""));
        chart.getStyler().setYAxisGroupTickLabelsColorMap(axis, colour);
        chart.getStyler().setYAxisGroupTickMarksColorMap(axis, colour);
    }

    /** A training curve solid with dots, its validation twin dashed with diamonds, both in the figure's colour. */
    private static void draw(XYSeries s, int axis, Color colour, boolean validation) {
        s.setYAxisGroup(axis);
        s.setLineColor(colour);
        s.setLineStyle(validation ? SeriesLines.DASH_DASH : SeriesLines.SOLID);
        s.setMarker(validation ? SeriesMarkers.DIAMOND : SeriesMarkers.CIRCLE);
        s.setMarkerColor(colour);
    }

    /** val_loss is the figure loss, measured on the validation samples. */
    private static String figure(String key) { return key.startsWith("val_") ? key.substring(4) : key; }

    private static Color colour(List<String> figures, String figure) { return PALETTE[figures.indexOf(figure) % PALETTE.length]; }

    /** Figures that are shares of the samples, always between 0 and 1. */
    static boolean isFraction(String figure) {
        return figure.endsWith("accuracy") || figure.equals("precision") || figure.equals("recall");
    }

    /** Writes the chart as PNG or SVG, chosen by the file's extension. */
    public static void save(XYChart chart, Path file) {
        String name = file.getFileName().toString().toLowerCase();
        try {
            if (name.endsWith(".svg")) {
                Files.write(file, svg(chart));
            } else if (name.endsWith(".png")) {
                Files.write(file, png(chart));
            } else {
                throw new IllegalArgumentException("save the chart as .png or .svg, not " + file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] png(XYChart chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] svg(XYChart chart) {
        try {
            var bytes = new java.io.ByteArrayOutputStream();
            VectorGraphicsEncoder.saveVectorGraphic(chart, bytes, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
