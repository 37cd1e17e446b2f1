package layerwise.ndarray;

/**
 * Prints an array the way NumPy does, nested brackets aligned under each other, and adds the shape:
 * <pre>
 * array([[0.5, 1. ],
 *        [2. , 3.5]], shape=(2, 2))
 * </pre>
 * Past 1,000 elements only the first and last three entries of each axis are shown, with "...".
 */
final class Printer {
    private static final int THRESHOLD = 1000, EDGE = 3;

    private Printer() {}

    static String print(NDArray a) {
        NDArray c = a.contiguous();
        boolean summarize = a.size() > THRESHOLD;
        StringBuilder b = new StringBuilder("array(");
        if (a.rank() == 0) {
            b.append(number(c.data[c.layout.offset]));
        } else {
            int width = width(c, summarize);
            append(b, c, 0, c.layout.offset, width, summarize, "array(".length());
        }
        return b.append(", shape=").append(a.shape()).append(")").toString();
    }

    private static void append(StringBuilder b, NDArray c, int axis, int pos, int width, boolean summarize, int indent) {
        int n = c.layout.shape[axis], stride = c.layout.strides[axis];
        boolean last = axis == c.rank() - 1;
        b.append('[');
        for (int i = 0; i < n; i++) {
            if (summarize && n > 2 * EDGE && i == EDGE) {
                b.append(last ? "..., " : "...,\n" + " ".repeat(indent + axis + 1));
                i = n - EDGE;
            }
            if (last) {
                String s = number(c.data[pos + i * stride]);
                b.append(" ".repeat(Math.max(0, width - s.length()))).append(s);
            } else {
                append(b, c, axis + 1, pos + i * stride, width, summarize, indent);
            }
            if (i < n - 1) {
                b.append(last ? ", " : "," + "\n".repeat(c.rank() - axis - 1) + " ".repeat(indent + axis + 1));
            }
        }
        b.append(']');
    }

    private static int width(NDArray c, boolean summarize) {
        // a summarized array shows only its edges; sampling both ends keeps printing a huge array quick
        int w = 1, n = c.size(), edge = summarize ? THRESHOLD / 2 : n;
        for (int i = 0; i < n; i = (i == edge - 1 && n - edge > i + 1) ? n - edge : i + 1) {
            w = Math.max(w, number(c.data[c.layout.offset + i]).length());
        }
        return w;
    }

    /** Up to 4 decimals, trailing zeros dropped, as NumPy's "1." and "0.25". */
    static String number(float v) {
        if (Float.isNaN(v)) return "nan";
        if (Float.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        if (v != 0 && (Math.abs(v) >= 1e8 || Math.abs(v) < 1e-4)) return String.format("%.4e", v);
        String s = String.format("%.4f", v);
        s = s.replaceAll("0+$", "");
        return s.equals("-0.") ? "0." : s;
    }
}
