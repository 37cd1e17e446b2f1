package layerwise.chart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.IntStream;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import layerwise.train.History;

/**
 * Line charts of a training run, Keras's {@code plt.plot(history.history['loss'])} in one call:
 * <pre>
 *   XYChart chart = Charts.history(history);   // loss and val_loss on the left axis, accuracies on the right
 *   Charts.save(chart, Path.of("loss.png"));   // .png or .svg
 * </pre>
 */
public final class Charts {
    private Charts() {}

    public static XYChart history(History h) {
        XYChart chart = new XYChartBuilder().width(720).height(420).title("Training history")
                .xAxisTitle("epoch").yAxisTitle("loss").build();
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(org.knowm.xchart.style.Styler.LegendLayout.Horizontal);
        chart.setYAxisGroupTitle(1, "accuracy");
        chart.getStyler().setYAxisGroupPosition(1, org.knowm.xchart.style.Styler.YAxisPosition.Right);
        double[] epochs = IntStream.rangeClosed(1, Math.max(h.epochs(), 1)).asDoubleStream().toArray();
        for (String key : h.keys()) {
            double[] values = h.get(key);
            if (values.length == 0 || Arrays.stream(values).allMatch(Double::isNaN)) continue;
            XYSeries s = chart.addSeries(key, Arrays.copyOf(epochs, values.length), values);
            s.setMarker(SeriesMarkers.CIRCLE);
            if (key.endsWith("accuracy")) s.setYAxisGroup(1);
        }
        return chart;
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
