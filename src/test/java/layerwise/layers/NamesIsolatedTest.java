package layerwise.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Names.isolated: models a library builds for itself get fresh names and leave the learner's count alone. */
class NamesIsolatedTest {

    @Test
    void insideStartsAFreshCountAndOutsideContinuesWhereItWas() {
        Names.reset();
        assertEquals("dense", new Dense(1).name());
        assertEquals("dense", Names.isolated(() -> new Dense(2).name()));
        assertEquals("dense_1", new Dense(3).name());
    }
}
