package layerwise.exercise;

import layerwise.layers.Conv2D;
import layerwise.layers.Dense;
import layerwise.layers.Flatten;
import layerwise.layers.Layer;
import layerwise.layers.MaxPooling2D;

/**
 * One layer of a {@link ModelSpec}, written down as numbers so that a sheet can make it again with
 * other numbers for another student. {@link #create()} makes the real layer; {@link #code()} is the
 * Java a student would type.
 */
public sealed interface LayerSpec {
    Layer create();

    String code();

    /** Conv2D(filters, kernel) with strides, padding and activation. */
    record Conv(int filters, int kernel, int stride, String padding, String activation) implements LayerSpec {
        public Conv(int filters, int kernel) { this(filters, kernel, 1, "valid", "relu"); }

        public Conv withPadding(String p) { return new Conv(filters, kernel, stride, p, activation); }
        public Conv withStride(int s) { return new Conv(filters, kernel, s, padding, activation); }

        public Layer create() {
            return new Conv2D(filters, kernel).strides(stride).padding(padding).activation(activation);
        }

        public String code() {
            return "new Conv2D(" + filters + ", " + kernel + ")" + (stride == 1 ? "" : ".strides(" + stride + ")")
                    + (padding.equals("valid") ? "" : ".padding(\"" + padding + "\")") + ".activation(\"" + activation + "\")";
        }
    }

    /** MaxPooling2D(pool) with its default stride (the pool size). */
    record Pool(int pool, String padding) implements LayerSpec {
        public Pool(int pool) { this(pool, "valid"); }

        public Layer create() { return new MaxPooling2D(pool).padding(padding); }

        public String code() {
            return "new MaxPooling2D(" + pool + ")" + (padding.equals("valid") ? "" : ".padding(\"" + padding + "\")");
        }
    }

    /** Dense(units) with an activation. */
    record Fc(int units, String activation) implements LayerSpec {
        public Layer create() { return new Dense(units).activation(activation); }
        public String code() { return "new Dense(" + units + ").activation(\"" + activation + "\")"; }
    }

    /** Flatten(). */
    record Flat() implements LayerSpec {
        public Layer create() { return new Flatten(); }
        public String code() { return "new Flatten()"; }
    }
}
