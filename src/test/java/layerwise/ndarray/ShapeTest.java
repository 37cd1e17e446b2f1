package layerwise.ndarray;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class ShapeTest {

    @Test
    void withBatchListPutsNullForTheBatchAxisAndForUnknownSizes() {
        assertEquals(Arrays.asList(null, 28L, 28L, 1L), Shape.of(28, 28, 1).withBatchList());
        assertEquals(Arrays.asList(null, null, 16L), Shape.of(Shape.NONE, 16).withBatchList());
    }
}
