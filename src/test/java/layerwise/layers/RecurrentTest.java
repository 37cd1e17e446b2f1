package layerwise.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import layerwise.GradCheck;
import layerwise.ndarray.NDArray;
import layerwise.ndarray.Shape;

/** SimpleRNN, LSTM and GRU on numbers: hand-checkable steps, and backpropagation through time against finite differences. */
class RecurrentTest {

    private static <L extends Recurrent<L>> L built(L layer, int steps, int features) {
        layer.initialize(Shape.of(steps, features), new Random(5));
        return layer;
    }

    @Test
    void simpleRnnStepIsTanhOfInputPlusPreviousState() {
        SimpleRNN rnn = built(new SimpleRNN(1), 2, 1);
        // W = 2, U = 0.5, b = 0: h1 = tanh(2·1) = 0.9640; h2 = tanh(2·0 + 0.5·0.9640) = tanh(0.4820) = 0.4479
        rnn.setWeights(List.of(NDArray.of(2f).reshape(1, 1), NDArray.of(0.5f).reshape(1, 1), NDArray.of(0f)));
        NDArray x = NDArray.of(1f, 0f).reshape(1, 2, 1);
        assertEquals(0.4479f, rnn.forward(x, false).item(), 1e-4f);
    }

    @Test
    void lstmStepWithZeroWeightsHalvesTheCandidate() {
        LSTM lstm = built(new LSTM(1), 1, 1);
        // all gates σ(0) = 0.5, candidate tanh(0 + 1·1) with W_g = 1: c = 0.5·0 + 0.5·0.7616 = 0.3808; h = 0.5·tanh(0.3808) = 0.1817
        lstm.setWeights(List.of(NDArray.of(0f, 0f, 1f, 0f).reshape(1, 4), NDArray.zeros(1, 4), NDArray.zeros(4)));
        assertEquals(0.1817f, lstm.forward(NDArray.ones(1, 1, 1), false).item(), 1e-4f);
    }

    @Test
    void lstmStartsWithAForgetBiasOfOne() {
        LSTM lstm = built(new LSTM(2), 3, 4);
        assertArrayEquals(new float[] {0, 0, 1, 1, 0, 0, 0, 0}, lstm.params().get(2).value().toFloatArray());
    }

    @Test
    void weightShapesFollowKeras() {
        // kernel (d, gates·u), recurrent_kernel (u, gates·u), bias (gates·u), or (2, 3u) for GRU reset_after
        assertArrayEquals(new int[] {4, 8}, built(new LSTM(2), 3, 4).params().get(0).value().dims());
        assertArrayEquals(new int[] {2, 8}, built(new LSTM(2), 3, 4).params().get(1).value().dims());
        assertArrayEquals(new int[] {2, 6}, built(new GRU(2), 3, 4).params().get(2).value().dims());
        assertArrayEquals(new int[] {6}, built(new GRU(2).resetAfter(false), 3, 4).params().get(2).value().dims());
    }

    @Test
    void recurrentKernelStartsOrthogonal() {
        NDArray u = built(new SimpleRNN(4), 3, 2).params().get(1).value();
        NDArray identity = u.matmul(u.transpose());
        for (int i = 0; i < 4; i++) for (int j = 0; j < 4; j++) assertEquals(i == j ? 1f : 0f, identity.get(i, j), 1e-5f);
    }

    @Test
    void returnSequencesGivesOneStatePerStep() {
        assertArrayEquals(new int[] {2, 5, 3}, new GRU(3).returnSequences(true).forward(NDArray.normal(1, 2, 5, 4), false).dims());
    }

    @Test
    void simpleRnnBackwardMatchesFiniteDifferences() {
        GradCheck.assertMatches(new SimpleRNN(3), NDArray.normal(1, 2, 4, 3));
    }

    @Test
    void simpleRnnReturnSequencesBackwardsMatchesFiniteDifferences() {
        GradCheck.assertMatches(new SimpleRNN(3).returnSequences(true).goBackwards(true), NDArray.normal(2, 2, 4, 3));
    }

    @Test
    void lstmBackwardMatchesFiniteDifferences() {
        GradCheck.assertMatches(new LSTM(3), NDArray.normal(3, 2, 4, 3));
    }

    @Test
    void lstmReturnSequencesBackwardMatchesFiniteDifferences() {
        GradCheck.assertMatches(new LSTM(2).returnSequences(true), NDArray.normal(4, 3, 3, 2));
    }

    @Test
    void gruResetAfterBackwardMatchesFiniteDifferences() {
        GradCheck.assertMatches(new GRU(3).returnSequences(true), NDArray.normal(5, 2, 4, 3));
    }

    @Test
    void gruWithoutResetAfterBackwardMatchesFiniteDifferences() {
        GradCheck.assertMatches(new GRU(3).resetAfter(false), NDArray.normal(6, 2, 4, 3));
    }

    @Test
    void withoutBiasBackwardMatchesFiniteDifferences() {
        GradCheck.assertMatches(new GRU(2).useBias(false), NDArray.normal(7, 2, 3, 2));
        GradCheck.assertMatches(new LSTM(2).useBias(false).activation("relu"), NDArray.normal(8, 2, 3, 2));
    }

    @Test
    void bidirectionalConcatenatesBothDirections() {
        assertArrayEquals(new int[] {2, 6}, new Bidirectional(new LSTM(3)).forward(NDArray.normal(9, 2, 4, 2), false).dims());
    }

    @Test
    void bidirectionalBackwardRunsTheSecondDirectionFromTheLastStep() {
        // with U = 0, W = 1, b = 0 and one unit, each direction's last h is tanh of the step it read last:
        // forward reads x_2 last, backward reads x_1 last: concat [tanh(2), tanh(1)] = [0.9640, 0.7616]
        Bidirectional bi = new Bidirectional(new SimpleRNN(1));
        bi.initialize(Shape.of(2, 1), new Random(0));
        NDArray w = NDArray.of(1f).reshape(1, 1), u = NDArray.zeros(1, 1), b = NDArray.zeros(1);
        bi.setWeights(List.of(w, u, b, w, u, b));
        assertArrayEquals(new float[] {0.9640f, 0.7616f}, bi.forward(NDArray.of(1f, 2f).reshape(1, 2, 1), false).toFloatArray(), 1e-4f);
    }

    @Test
    void bidirectionalBackwardMatchesFiniteDifferencesForEveryMergeMode() {
        for (String mode : List.of("concat", "sum", "mul", "ave")) {
            GradCheck.assertMatches(new Bidirectional(new GRU(2).returnSequences(true)).mergeMode(mode), NDArray.normal(10, 2, 3, 2));
        }
        GradCheck.assertMatches(new Bidirectional(new LSTM(2)), NDArray.normal(11, 2, 3, 2));
    }
}
