package layerwise.model;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import layerwise.layers.SymbolicTensor;
import layerwise.ndarray.NDArray;

/**
 * What a CNN sees in one sample, as CNN Explainer's overview shows it: for every layer whose output is
 * an image (rows, cols, channels), each channel drawn as a small grey picture, dark for the layer's
 * smallest value and white for its largest. Renders as PNG.
 */
public final class FeatureMaps {
    private static final int TILE = 56, GAP = 6, LABEL = 22, MAX_CHANNELS = 16;

    /** One layer's output for the sample: its label and the (rows, cols, channels) array. */
    public record Maps(String label, NDArray value) {}

    private final List<Maps> layers;

    private FeatureMaps(List<Maps> layers) { this.layers = List.copyOf(layers); }

    static FeatureMaps of(Model model, GraphRun run) {
        List<Maps> out = new ArrayList<>();
        for (SymbolicTensor t : model.nodes()) {
            NDArray v = run.valueOf(t);
            if (v != null && v.rank() == 4) out.add(new Maps(t.layer().label(), v.slice(0, 1).contiguous().reshape(v.dim(1), v.dim(2), v.dim(3))));
        }
        return new FeatureMaps(out);
    }

    public List<Maps> layers() { return layers; }

    /** The picture as PNG bytes: one row per layer, up to 16 channels each. */
    public byte[] png() {
        int width = GAP + MAX_CHANNELS * (TILE + GAP), height = GAP + layers.size() * (LABEL + TILE + GAP);
        BufferedImage img = new BufferedImage(width, Math.max(height, 1), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        int y = GAP;
        for (Maps m : layers) {
            int channels = m.value().dim(2);
            g.setColor(Color.BLACK);
            g.drawString(m.label() + "  " + m.value().dim(0) + "×" + m.value().dim(1) + ", " + channels + " channels"
                    + (channels > MAX_CHANNELS ? " (first " + MAX_CHANNELS + " shown)" : ""), GAP, y + 15);
            drawChannels(img, m.value(), y + LABEL);
            y += LABEL + TILE + GAP;
        }
        g.dispose();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Each channel scaled to a TILE×TILE square, grey levels from the layer's min to its max. */
    private static void drawChannels(BufferedImage img, NDArray v, int top) {
        float min = Float.MAX_VALUE, max = -Float.MAX_VALUE;
        for (float f : v.data()) { min = Math.min(min, f); max = Math.max(max, f); }
        float range = max > min ? max - min : 1;
        int rows = v.dim(0), cols = v.dim(1);
        for (int c = 0; c < Math.min(v.dim(2), MAX_CHANNELS); c++) {
            int left = GAP + c * (TILE + GAP);
            for (int py = 0; py < TILE; py++) {
                for (int px = 0; px < TILE; px++) {
                    float value = v.get(py * rows / TILE, px * cols / TILE, c);
                    int grey = Math.round(255 * (value - min) / range);
                    img.setRGB(left + px, top + py, grey << 16 | grey << 8 | grey);
                }
            }
        }
    }

    public FeatureMaps save(Path file) {
        try {
            Files.write(file, png());
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    @Override public String toString() {
        return "Feature maps of " + layers.size() + " layers: " + layers.stream().map(Maps::label).toList() + " (save(path) writes the PNG)";
    }
}
