package layerwise.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import layerwise.explain.Expr;
import layerwise.layers.Activation;
import layerwise.layers.BatchNormalization;
import layerwise.layers.Conv2DTranspose;
import layerwise.layers.Convolution;
import layerwise.layers.Dense;
import layerwise.layers.Dropout;
import layerwise.layers.Flatten;
import layerwise.layers.GlobalPooling;
import layerwise.layers.InputLayer;
import layerwise.layers.Layer;
import layerwise.layers.LayerNormalization;
import layerwise.layers.PointwiseActivation;
import layerwise.layers.Pooling;
import layerwise.layers.Softmax;
import layerwise.layers.SymbolicTensor;
import layerwise.layers.ZeroPadding2D;

/**
 * How many input positions along each spatial axis one output position sees, for chains of
 * convolutions and pooling. With K_eff = K + (K − 1)(D − 1), each window widens the field by its term:
 * r_out = r_in + (K_eff − 1)·j_in and j_out = j_in·S, starting from r = j = 1 at the input, so
 * r = 1 + Σ (K_eff,i − 1)·j_i. Flatten, global pooling and Dense on a vector see the whole input ("all").
 */
public final class ReceptiveField {
    /** Sizes per spatial axis and the distance between neighbouring outputs, in input positions. */
    record Field(long[] size, long[] jump, boolean all) {
        static final Field ALL = new Field(new long[0], new long[0], true);

        String text() {
            if (all) return "all";
            if (size.length == 0) return "-";
            return String.join("×", Arrays.stream(size).mapToObj(Long::toString).toList());
        }
    }

    /** One window of a chain along one axis: kernel K, stride S, dilation D. */
    public record Window(int k, int s, int d) {}

    /**
     * The field along one axis after a chain of windows: r as one Expr, the term and the jump j of each
     * window, and r as if every jump were 1 (the usual slip, 1 + Σ (K_eff,i − 1)).
     */
    public record Rule(Expr size, List<Expr> terms, List<Long> jumps, long withoutJumps) {}

    /** Layers that move no position: each output position sees exactly its input position. */
    private static final List<Class<?>> POSITIONWISE = List.of(Activation.class, PointwiseActivation.class, Softmax.class,
            Dropout.class, BatchNormalization.class, LayerNormalization.class, ZeroPadding2D.class);

    private ReceptiveField() {}

    /** r = 1 + Σ (K_i − 1)×j_i over the windows in order, j_1 = 1 and j_(i+1) = j_i×S_i, each term named by its window. */
    public static Rule rule(List<Window> windows) {
        List<Expr> terms = new ArrayList<>();
        List<Long> jumps = new ArrayList<>();
        long jump = 1, plain = 1;
        for (Window w : windows) {
            terms.add(term(terms.size() + 1, w, jump));
            jumps.add(jump);
            plain += term(0, w, 1).value();
            jump *= w.s();
        }
        List<Expr> all = new ArrayList<>(List.of(Expr.of(1)));
        all.addAll(terms);
        return new Rule(Expr.sum(all), terms, jumps, plain);
    }

    /** The one rule: window n, reached with jump j, widens the field by (K_eff − 1)·j. */
    private static Expr term(int n, Window w, long jump) {
        Expr k = Expr.var("K_" + n, w.k());
        Expr kEff = w.d() <= 1 ? k : Expr.var("K_eff" + n, k.plus(k.minus(1).times(Expr.var("D_" + n, w.d()).minus(1))).value());
        return kEff.minus(1).times(Expr.var("j_" + n, jump));
    }

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
            return new Field(filled(spatial), filled(spatial), false);
        }
        if (in.isEmpty() || in.contains(null)) return null;
        if (in.size() > 1) return merged(in);
        Field f = in.get(0);
        if (layer instanceof Flatten || layer instanceof GlobalPooling<?>) return Field.ALL;
        if (f.all() || POSITIONWISE.stream().anyMatch(kind -> kind.isInstance(layer))) return f;
        if (layer instanceof Dense) return f.size().length == 0 ? Field.ALL : f;
        if (layer instanceof Convolution<?> c && !(layer instanceof Conv2DTranspose)) {
            return slide(f, c.kernelSize(), c.strides(), c.dilationRate());
        }
        if (layer instanceof Pooling<?> p) return slide(f, p.poolSize(), p.stridesOrDefault(), null);
        return null;
    }

    private static Field slide(Field f, int[] k, int[] s, int[] d) {
        if (f.size().length != k.length) return null;
        long[] size = new long[k.length], jump = new long[k.length];
        for (int i = 0; i < k.length; i++) {
            size[i] = f.size()[i] + term(1, new Window(k[i], s[i], d == null ? 1 : d[i]), f.jump()[i]).value();
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

    private static long[] filled(int n) {
        long[] a = new long[n];
        Arrays.fill(a, 1);
        return a;
    }
}
