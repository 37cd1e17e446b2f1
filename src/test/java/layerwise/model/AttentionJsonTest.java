package layerwise.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import layerwise.layers.*;

/** MultiHeadAttention's value/key keyword inputs and use_causal_mask, in tf.keras 2 and Keras 3 files, in and out. */
class AttentionJsonTest {
    @BeforeEach
    void freshNames() { Names.reset(); }

    @Test
    void tf2KeywordInputsValueAndKeyAreReadInTheirRoles() {
        Model m = KerasJson.read(KerasLayersJsonTest.DIR.resolve("tf2/cross_attention_value_key.json"));
        // query 8·4·16 + 64 = 576, key 3·4·16 + 64 = 256, value 5·4·12 + 48 = 288, output 4·12·24 + 24 = 1176; norm 2·24
        assertEquals(List.of(0L, 0L, 0L, 2296L, 48L), m.summaryTable().rows().stream().map(Summary.Row::params).toList());
        var attention = m.nodes().stream().filter(t -> t.layer() instanceof MultiHeadAttention).findFirst().orElseThrow();
        assertEquals(List.of("decoder_steps", "encoder_steps", "encoder_keys"), attention.inputs().stream().map(t -> t.layer().name()).toList());
    }

    @Test
    void keras3CausalBlockReadsUseCausalMaskFromTheCall() {
        Model m = KerasJson.read(KerasLayersJsonTest.DIR.resolve("keras3/causal_attention_block.json"));
        var mha = (MultiHeadAttention) m.layers().stream().filter(l -> l instanceof MultiHeadAttention).findFirst().orElseThrow();
        assertTrue(mha.useCausalMask());
        assertEquals(320_000 + 16_640 + 128 + 65, m.countParams());
    }

    @Test
    void writtenJsonPutsValueAndCausalMaskInTheCallKeywords() {
        var x = new Input(5, 8);
        var m = new Model(x, new MultiHeadAttention(2, 4).useCausalMask(true).apply(x, x));
        String json = m.toJson().replaceAll("\\s+", "");
        assertTrue(json.contains("\"inbound_nodes\":[[[\"input_1\",0,0,{\"value\":[\"input_1\",0,0],\"use_causal_mask\":true}]]]"), json);
    }

    @Test
    void attentionModelsSurviveTheRoundTrip() {
        var q = new Input(10, 8);
        var v = new Input(6, 5);
        var k = new Input(6, 3);
        var a = new MultiHeadAttention(4, 16).valueDim(12).outputShape(24).useBias(false).apply(q, v, k);
        Model m = new Model(List.of(q, v, k), List.of(new LayerNormalization().epsilon(1e-5).apply(a)));
        Model back = KerasJson.read(m.toJson());
        assertEquals(m.summaryTable().toText(), back.summaryTable().toText());
        assertEquals(m.toJson(), back.toJson());
    }

    @Test
    void activationMergeRepeatAndPooling3DLayersSurviveTheRoundTrip() {
        var a = new Input(8);
        var b = new Input(8);
        var merged = new Average().apply(new Multiply().apply(a, b), new Subtract().apply(a, b), new Maximum().apply(a, b), new Minimum().apply(a, b));
        var x = new PReLU().apply(new ELU().alpha(0.5).apply(new LeakyReLU().negativeSlope(0.1).apply(new ReLU().maxValue(6).apply(merged))));
        x = new RepeatVector(4).apply(new Softmax().apply(x));
        x = new Dot(2, 2).normalize(true).apply(x, x);
        Model m = new Model(List.of(a, b), List.of(x));
        assertEquals(m.toJson(), KerasJson.read(m.toJson()).toJson());
        var seq = new Sequential();
        seq.add(new PReLU().sharedAxes(1, 2, 3).inputShape(4, 5, 6, 3));
        seq.add(new GlobalMaxPooling3D());
        assertEquals(seq.toJson(), KerasJson.read(seq.toJson()).toJson());
        assertEquals(3, KerasJson.read(seq.toJson()).countParams());
    }

    @Test
    void keras3FileWritesQueryValueKeyAsArgumentsAndReadsThemBack() {
        var q = new Input(10, 8);
        var v = new Input(6, 5);
        var k = new Input(6, 3);
        var a = new MultiHeadAttention(4, 16).valueDim(12).useCausalMask(true).apply(q, v, k);
        Model m = new Model(List.of(q, v, k), List.of(a));
        String keras3 = Keras3Writer.write(m);
        assertTrue(keras3.replaceAll("\\s+", "").contains("\"kwargs\":{\"use_causal_mask\":true}"), keras3);
        assertTrue(keras3.replaceAll("\\s+", "").contains("\"shapes_dict\":{\"query_shape\":[null,10,8],\"value_shape\":[null,6,5],\"key_shape\":[null,6,3]}"), keras3);
        Model back = KerasJson.read(keras3);
        assertEquals(m.toJson(), back.toJson());
    }
}
