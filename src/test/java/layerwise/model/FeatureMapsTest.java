package layerwise.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import layerwise.layers.Conv2D;
import layerwise.layers.Dense;
import layerwise.layers.Flatten;
import layerwise.layers.Input;
import layerwise.layers.MaxPooling2D;
import layerwise.layers.Names;
import layerwise.ndarray.NDArray;

/** model.featureMaps(x): every image-shaped layer output of the first sample, drawn as a PNG. */
class FeatureMapsTest {

    @BeforeEach
    void freshNames() { Names.reset(); }

    @Test
    void eachImageLayerOfTheFirstSampleIsKeptAndDrawn() throws Exception {
        var in = new Input(8, 8, 1);
        var c = new Conv2D(3, 3).activation("relu").apply(in);
        var p = new MaxPooling2D(2).apply(c);
        Model model = new Model(in, new Dense(2).apply(new Flatten().apply(p)));
        model.initialize(4);
        NDArray x = NDArray.normal(1, 2, 8, 8, 1);

        FeatureMaps maps = model.featureMaps(x);

        assertEquals(3, maps.layers().size(), "the input, the convolution and the pooling output images; Flatten and Dense do not");
        assertEquals("conv2d (Conv2D)", maps.layers().get(1).label());
        NDArray conv = model.trace(x.slice(0, 1).contiguous()).steps().get(0).value();
        assertArrayEquals(conv.reshape(6, 6, 3).contiguous().data(), maps.layers().get(1).value().data(), 0f);
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(maps.png()));
        assertEquals(3 * (22 + 56 + 6) + 6, png.getHeight(), "one labelled row of tiles per layer");
    }
}
