package layerwise.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every built-in layer says what it does, so pictures never need its class name. */
class RoleTest {

    static Stream<Arguments> layers() {
        return Stream.concat(LayerKinds.all(), Stream.of(
                Arguments.of("Add", (Supplier<Layer>) Add::new, new int[0]),
                Arguments.of("Dot", (Supplier<Layer>) () -> new Dot(1), new int[0]),
                Arguments.of("MultiHeadAttention", (Supplier<Layer>) () -> new MultiHeadAttention(2, 4), new int[0])));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layers")
    void everyBuiltInLayerReportsARole(String name, Supplier<Layer> make, int[] inputShape) {
        assertNotEquals(Role.OTHER, make.get().role(), name);
    }

    @Test
    void layersThatDoTheSameThingShareARole() {
        assertEquals(List.of(Role.CONVOLUTION, Role.CONVOLUTION, Role.POOLING, Role.POOLING, Role.MERGE, Role.MERGE, Role.ACTIVATION, Role.ACTIVATION),
                List.of(new Conv1D(2, 3).role(), new SeparableConv2D(2, 3).role(), new MaxPooling2D(2).role(), new GlobalAveragePooling3D().role(),
                        new Concatenate().role(), new Subtract().role(), new Softmax().role(), new ReLU().role()));
    }

    @Test
    void timeDistributedTakesTheRoleOfTheLayerItApplies() {
        assertEquals(Role.CONVOLUTION, new TimeDistributed(new Conv2D(4, 3)).role());
    }
}
