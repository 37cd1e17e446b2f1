package layerwise.exercise;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleSupplier;

import layerwise.error.NnException;

/**
 * A student's own version of a model: other input sizes, filters, units and strides, drawn from the
 * student's seed, keeping the kinds and order of the layers. A draw the library rejects (a window
 * larger than its input) is drawn again.
 */
final class Variation {
    private Variation() {}

    static ModelSpec of(ModelSpec spec, Random r) { return of(spec, r::nextDouble); }

    /** A variant drawn from numbers in [0, 1): a student's seeded random numbers, or {@link Seeding#spread}. */
    static ModelSpec of(ModelSpec spec, DoubleSupplier r) {
        for (int attempt = 0; attempt < 50; attempt++) {
            ModelSpec v = draw(spec, r);
            try {
                v.build();
                return v;
            } catch (NnException tooSmall) {
                // draw again: the sizes shrank below a window somewhere
            }
        }
        return spec;
    }

    private static ModelSpec draw(ModelSpec spec, DoubleSupplier r) {
        long[] given = spec.input(), in = given.clone();   // a record's array is shared: never write into it
        int spatial = in.length >= 2 ? in.length - 1 : in.length;
        long size = scaled(given[0], r);
        // Axes that were equal stay equal: a square image stays square.
        for (int i = 0; i < spatial; i++) in[i] = given[i] == given[0] ? size : scaled(given[i], r);
        List<LayerSpec> layers = new ArrayList<>();
        for (LayerSpec l : spec.layers()) layers.add(vary(l, r));
        return new ModelSpec(in, layers);
    }

    private static long scaled(long n, DoubleSupplier r) {
        return Math.max(4, Math.round(n * (0.6 + 0.8 * r.getAsDouble())));
    }

    private static LayerSpec vary(LayerSpec l, DoubleSupplier r) {
        if (l instanceof LayerSpec.Conv c) {
            int stride = c.stride() == 1 ? 1 : r.getAsDouble() < 0.5 ? 2 : 3;
            return new LayerSpec.Conv(Math.max(1, (int) scaled(c.filters(), r)), c.kernel(), stride, c.padding(), c.activation());
        }
        if (l instanceof LayerSpec.Fc d) return new LayerSpec.Fc(Math.max(1, (int) scaled(d.units(), r)), d.activation());
        return l;
    }
}
