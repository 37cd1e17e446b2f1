// Draws the kernel's logo: three layers narrowing from left to right, the shape of data flowing
// through a network. Run from the checkout: jshell kernel-spec/logo.jsh
import java.awt.*;
import java.awt.image.BufferedImage;
import javax.imageio.ImageIO;
import java.io.File;

void draw(int size, String file) throws Exception {
    var img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
    var g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    float u = size / 64f;
    Color[] colors = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c)};
    int[][] boxes = {{4, 6, 16, 52}, {24, 16, 16, 32}, {44, 24, 16, 16}};
    for (int i = 0; i < 3; i++) {
        g.setColor(colors[i]);
        g.fillRoundRect(Math.round(boxes[i][0] * u), Math.round(boxes[i][1] * u), Math.round(boxes[i][2] * u),
                Math.round(boxes[i][3] * u), Math.round(5 * u), Math.round(5 * u));
    }
    g.dispose();
    ImageIO.write(img, "png", new File(file));
}
draw(32, "kernel-spec/layerwise/logo-32x32.png");
draw(64, "kernel-spec/layerwise/logo-64x64.png");
/exit
