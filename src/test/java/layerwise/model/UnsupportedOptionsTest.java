package layerwise.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import layerwise.error.ConfigException;
import layerwise.layers.Names;

/** A model file asking for behaviour Layerwise lacks is refused with a reason, never loaded half-right. */
class UnsupportedOptionsTest {

    @BeforeEach
    void freshNames() {
        Names.reset();
    }

    private static String lstm(String extra) {
        return """
            {"class_name": "Sequential", "config": {"name": "sequential", "layers": [
              {"class_name": "LSTM", "config": {"name": "lstm", "units": 8, "batch_input_shape": [null, 5, 3]%s}}
            ]}}""".formatted(extra);
    }

    @Test
    void returnStateIsRefusedWithTheFix() {
        var e = assertThrows(ConfigException.class, () -> KerasJson.read(lstm(", \"return_state\": true")));
        assertTrue(e.headline().contains("`return_state`=true"), e.getMessage());
        assertTrue(e.fix().contains("remove return_state"), e.getMessage());
    }

    @Test
    void recurrentDropoutIsRefused() {
        var e = assertThrows(ConfigException.class, () -> KerasJson.read(lstm(", \"recurrent_dropout\": 0.25")));
        assertTrue(e.headline().contains("`recurrent_dropout`=0.25"), e.getMessage());
    }

    @Test
    void defaultsWrittenOutInFullStillLoad() {
        var m = KerasJson.read(lstm(", \"return_state\": false, \"stateful\": false, \"dropout\": 0.0, \"recurrent_dropout\": 0.0"));
        assertEquals(4 * 8 * (3 + 8 + 1), m.countParams()); // LSTM: 4·u·(d + u + 1) = 4·8·12 = 384
    }
}
