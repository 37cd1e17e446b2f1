package layerwise.model;

import io.jhdf.api.Dataset;

import layerwise.error.ConfigException;
import layerwise.error.Problem;
import layerwise.ndarray.NDArray;
import layerwise.ndarray.Shape;

/** HDF5 datasets as NDArrays: float32 as it is, float64 and integers converted to float32. */
final class HdfArrays {
    private HdfArrays() {}

    static NDArray toNDArray(Dataset d, String where) {
        Object flat = d.isScalar() ? wrapScalar(d.getData()) : d.getDataFlat();
        int[] dims = d.getDimensions();
        float[] values;
        if (flat instanceof float[] f) {
            values = f;
        } else if (flat instanceof double[] v) {
            values = new float[v.length];
            for (int i = 0; i < v.length; i++) values[i] = (float) v[i];
        } else if (flat instanceof long[] v) {
            values = new float[v.length];
            for (int i = 0; i < v.length; i++) values[i] = v[i];
        } else if (flat instanceof int[] v) {
            values = new float[v.length];
            for (int i = 0; i < v.length; i++) values[i] = v[i];
        } else {
            throw new ConfigException(Problem.at(where)
                    .headline("The weights at " + where + " are not numbers Layerwise can read (" + d.getJavaType().getSimpleName() + ").")
                    .expected("float32 arrays, as Keras saves weights").got(d.getJavaType().getSimpleName() + " " + shape(dims))
                    .fix("save the model again with float32 weights (keras.config.set_floatx('float32'), no mixed precision)"));
        }
        return NDArray.wrap(values, dims);
    }

    private static Object wrapScalar(Object value) {
        if (value instanceof Float f) return new float[] {f};
        if (value instanceof Double v) return new double[] {v};
        if (value instanceof Long v) return new long[] {v};
        if (value instanceof Integer v) return new int[] {v};
        return value;
    }

    static Shape shape(int[] dims) {
        long[] d = new long[dims.length];
        for (int i = 0; i < dims.length; i++) d[i] = dims[i];
        return Shape.of(d);
    }
}
