package layerwise.model;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import layerwise.layers.Convolution;
import layerwise.layers.Dense;
import layerwise.layers.Flatten;
import layerwise.layers.InputLayer;
import layerwise.layers.Layer;
import layerwise.layers.Pooling;
import layerwise.layers.SymbolicTensor;

/**
 * How many input positions along each spatial axis one output position sees, for chains of
 * convolutions and pooling. With K_eff = K + (K − 1)(D − 1):
 * r_out = r_in + (K_eff − 1)·j_in and j_out = j_in·S, starting from r = j = 1 at the input.
 * Flatten, global pooling and Dense on a vector see the whole input ("all").
 */
final class ReceptiveField {
    /** Sizes per spatial axis and the distance between neighbouring outputs, in input positions. */
    record Field(long[] size, long[] jump, boolean all) {
        static final Field ALL = new Field(new long[0], new long[0], true);

        String text() {
            if (all) return "all";
            if (size.length == 0) return "-";
            return String.join("×", Arrays.stream(size).mapToObj(Long::toString).toList());
        }
    }

    /** Layers that change no position: each output position sees exactly its input position. */
    private static final Set<String> POSITIONWISE = Set.of("Activation", "Dropout", "BatchNormalization",
            "LayerNormalization", "ReLU", "LeakyReLU", "Softmax", "SpatialDropout1D", "SpatialDropout2D",
            "ZeroPadding1D", "ZeroPadding2D", "ZeroPadding3D", "GaussianNoise");

    private ReceptiveField() {}

    /** The field of every tensor of the graph; null where the rule is not a sliding window (RNNs, Reshape, …). */
    static Map<SymbolicTensor, Field> of(List<SymbolicTensor> nodes) {
        Map<SymbolicTensor, Field> fields = new HashMap<>();
        for (SymbolicTensor t : nodes) {
            List<Field> in = t.inputs().stream().map(fields::get).toList();
            fields.put(t, field(t, in));
        }
        return fields;
    }

    private static Field field(SymbolicTensor t, List<Field> in) {
        Layer layer = t.layer();
        if (layer instanceof InputLayer) {
            int spatial = Math.max(t.shape().rank() - 1, 0);
            return new Field(filled(spatial, 1), filled(spatial, 1), false);
        }
        if (in.isEmpty() || in.contains(null)) return null;
        if (in.size() > 1) return merged(in);
        Field f = in.get(0);
        if (layer instanceof Flatten || layer.type().startsWith("Global")) return Field.ALL;
        if (f.all() || POSITIONWISE.contains(layer.type())) return f;
        if (layer instanceof Dense) return f.size().length == 0 ? Field.ALL : f;
        if (layer instanceof Convolution<?> c && !layer.type().endsWith("Transpose")) {
            return slide(f, c.kernelSize(), c.strides(), c.dilationRate());
        }
        if (layer instanceof Pooling<?> p) {
            return slide(f, p.poolSize(), p.stridesOrDefault(), ones(p.poolSize().length));
        }
        return null;
    }

    private static Field slide(Field f, int[] k, int[] s, int[] d) {
        if (f.size().length != k.length) return null;
        long[] size = new long[k.length], jump = new long[k.length];
        for (int i = 0; i < k.length; i++) {
            long kEff = k[i] + (long) (k[i] - 1) * (d[i] - 1);
            size[i] = f.size()[i] + (kEff - 1) * f.jump()[i];
            jump[i] = f.jump()[i] * s[i];
        }
        return new Field(size, jump, false);
    }

    /** Add or Concatenate: each output position sees what the widest of its inputs sees. */
    private static Field merged(List<Field> in) {
        if (in.stream().anyMatch(Field::all)) return Field.ALL;
        int n = in.get(0).size().length;
        if (in.stream().anyMatch(f -> f.size().length != n)) return null;
        long[] size = new long[n], jump = new long[n];
        for (Field f : in) {
            for (int i = 0; i < n; i++) {
                size[i] = Math.max(size[i], f.size()[i]);
                jump[i] = Math.max(jump[i], f.jump()[i]);
            }
        }
        return new Field(size, jump, false);
    }

    private static long[] filled(int n, long v) {
        long[] a = new long[n];
        Arrays.fill(a, v);
        return a;
    }

    private static int[] ones(int n) {
        int[] a = new int[n];
        Arrays.fill(a, 1);
        return a;
    }
}
