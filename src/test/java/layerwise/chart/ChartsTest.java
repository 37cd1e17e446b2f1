package layerwise.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.lines.SeriesLines;

import layerwise.data.Datasets;
import layerwise.data.Split;
import layerwise.layers.Dense;
import layerwise.model.Sequential;
import layerwise.train.FitOptions;
import layerwise.train.History;
import layerwise.train.SGD;
import tech.tablesaw.api.Table;

class ChartsTest {
    static History history;

    @BeforeAll
    static void fitFourEpochs() {
        var m = new Sequential();
        m.add(new Dense(3).activation("softmax").inputShape(4));
        Split s = Datasets.iris().split(0.2, 1);
        m.compile(new SGD(0.5), "sparse_categorical_crossentropy", "accuracy");
        history = m.fit(s.xTrain(), s.yTrain(), 16, 4, new FitOptions().verbose(0).validationData(s.xTest(), s.yTest()));
    }

    @Test
    void chartHasOneSeriesPerFigureWithTheEpochsOnX() {
        XYChart c = Charts.history(history);
        assertEquals("Training history", c.getTitle());
        assertEquals("epoch", c.getXAxisTitle());
        assertEquals(java.util.Set.of("loss", "accuracy", "val_loss", "val_accuracy"), c.getSeriesMap().keySet());
        var loss = c.getSeriesMap().get("loss");
        assertArrayEquals(new double[] {1, 2, 3, 4}, loss.getXData());
        assertArrayEquals(history.get("loss"), loss.getYData());
        assertEquals(1, c.getSeriesMap().get("val_accuracy").getYAxisGroup());
    }

    @Test
    void theAccuracyAxisIsFixedFromZeroToOneSoNoPointFallsBelowItsLowestTick() {
        XYChart c = Charts.history(history);
        assertEquals(0.0, c.getStyler().getYAxisMin(1));
        assertEquals(1.0, c.getStyler().getYAxisMax(1));
        assertEquals("accuracy (0 to 1)", c.getYAxisGroupTitle(1));
    }

    @Test
    void theLossAxisStartsAtZeroAndIsTitledLoss() {
        XYChart c = Charts.history(history);
        assertEquals(0.0, c.getStyler().getYAxisMin(0));
        assertEquals("loss", c.getYAxisGroupTitle(0));
        assertEquals(0, c.getSeriesMap().get("val_loss").getYAxisGroup());
    }

    @Test
    void eachAxisIsColouredLikeItsCurvesAndValidationIsTheDashedTwin() {
        XYChart c = Charts.history(history);
        var loss = c.getSeriesMap().get("loss");
        var valLoss = c.getSeriesMap().get("val_loss");
        var accuracy = c.getSeriesMap().get("accuracy");
        assertEquals(loss.getLineColor(), valLoss.getLineColor());
        assertEquals(accuracy.getLineColor(), c.getSeriesMap().get("val_accuracy").getLineColor());
        assertNotEquals(loss.getLineColor(), accuracy.getLineColor());
        assertEquals(loss.getLineColor(), c.getStyler().getYAxisGroupTickLabelsColorMap(0));
        assertEquals(accuracy.getLineColor(), c.getStyler().getYAxisGroupTickLabelsColorMap(1));
        assertEquals(SeriesLines.SOLID, loss.getLineStyle());
        assertEquals(SeriesLines.DASH_DASH, valLoss.getLineStyle());
    }

    @Test
    void pngBytesDecodeToAnImage() throws Exception {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(Charts.png(Charts.history(history))));
        assertNotNull(img);
        assertEquals(720, img.getWidth());
    }

    @Test
    void savesPngAndSvgByExtension(@TempDir Path dir) throws Exception {
        Charts.save(Charts.history(history), dir.resolve("loss.png"));
        Charts.save(Charts.history(history), dir.resolve("loss.svg"));
        assertNotNull(ImageIO.read(dir.resolve("loss.png").toFile()));
        assertTrue(Files.readString(dir.resolve("loss.svg"), StandardCharsets.UTF_8).contains("<svg"));
    }

    @Test
    void historyTableHasOneRowPerEpoch() {
        Table t = Tables.history(history);
        assertEquals(4, t.rowCount());
        assertEquals(java.util.List.of("epoch", "loss", "accuracy", "val_loss", "val_accuracy"), t.columnNames());
        assertEquals(history.get("val_loss")[2], t.doubleColumn("val_loss").get(2));
    }
}
