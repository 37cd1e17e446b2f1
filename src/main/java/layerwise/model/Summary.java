package layerwise.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import com.google.gson.GsonBuilder;

import layerwise.error.Problem;
import layerwise.error.ShapeException;
import layerwise.explain.Derivation;
import layerwise.explain.Explanation;
import layerwise.layers.InputLayer;
import layerwise.layers.Layer;
import layerwise.layers.SymbolicTensor;
import layerwise.ndarray.Shape;

/**
 * The rows of {@code model.summary()}: one per layer with its name, type, output shape and number of
 * parameters, and the totals. Prints in the tf.keras 2 layout, and also as JSON for tools. Extra
 * columns beyond Keras (input shape, mult-adds, activation memory, receptive field, trainable) are
 * opt-in: {@code model.summaryTable().with(Summary.Column.MACS)}. A model that failed half-way keeps
 * the rows up to the failing layer, which is marked with the reason; the rows after it show "?".
 */
public final class Summary {

    /** Columns beyond Keras's three, each asked for in the Keras or torchinfo trackers. */
    public enum Column {
        INPUT_SHAPE("Input Shape"), MACS("Mult-Adds"), MEMORY("Activations"),
        RECEPTIVE_FIELD("Receptive Field"), TRAINABLE("Trainable");

        final String header;

        Column(String header) { this.header = header; }
    }

    /** Whether a row's layer was worked out, is the one that failed, or comes after the failure. */
    public enum Status { OK, FAILED, UNKNOWN }

    /** One layer's row. {@code connectedTo} lists its inputs as Keras writes them: conv2d[0][0]. */
    public record Row(String name, String type, String outputShape, Shape output, List<Shape> inputs,
                      long params, long trainableParams, long macs, List<String> connectedTo,
                      boolean trainable, String receptiveField, Status status, String reason, int depth) {
        /** "conv2d (Conv2D)", indented by two spaces per level when it belongs to a nested model. */
        public String label() { return "  ".repeat(depth) + name + " (" + type + ")"; }

        /** Bytes of this layer's float32 output for one sample; -1 when a size is unknown. */
        public long activationBytes() {
            if (output == null || !output.isFullyKnown()) return -1;
            try {
                return Math.multiplyExact(output.size(), 4L);
            } catch (ArithmeticException beyondLong) {
                return -1;
            }
        }

        public boolean isKnown() { return status == Status.OK; }

        static Row unknown(String name, String type, Status status, String reason) {
            return new Row(name, type, "?", null, List.of(), 0, 0, 0, List.of(), true, "?", status, reason, 0);
        }

        Row nested() {
            return new Row(name, type, outputShape, output, inputs, params, trainableParams, macs, connectedTo,
                    trainable, receptiveField, status, reason, depth + 1);
        }
    }

    private final String modelName;
    private final boolean sequentialLike;
    private final List<Row> rows;
    private final Set<Column> columns;
    /** The summaries of nested models, by the name of their row. */
    private final Map<String, Summary> nested;

    Summary(String modelName, boolean sequentialLike, List<Row> rows) {
        this(modelName, sequentialLike, rows, Set.of(), Map.of());
    }

    private Summary(String modelName, boolean sequentialLike, List<Row> rows, Set<Column> columns, Map<String, Summary> nested) {
        this.modelName = modelName;
        this.sequentialLike = sequentialLike;
        this.rows = List.copyOf(rows);
        this.columns = columns.isEmpty() ? Set.of() : EnumSet.copyOf(columns);
        this.nested = Map.copyOf(nested);
    }

    static Summary of(LayerGraph model) {
        model.requireBuilt();
        Map<String, Summary> nested = new LinkedHashMap<>();
        for (SymbolicTensor t : model.nodes()) {
            if (t.layer() instanceof NestedModel n) nested.put(n.name(), n.model().summaryTable());
        }
        return new Summary(model.name(), model.isSequentialLike(), rows(model.nodes(), model.layers(), !(model instanceof Sequential)), Set.of(), nested);
    }

    /** The rows of the tensors worked out so far, then the failing layer, then "?" for the layers after it. */
    static Summary partial(String modelName, boolean sequentialLike, List<SymbolicTensor> built, boolean showInputs,
                           Row failed, List<Row> later) {
        List<Row> rows = rows(built, built.stream().map(SymbolicTensor::layer).distinct().toList(), showInputs);
        rows.add(failed);
        rows.addAll(later);
        return new Summary(modelName, sequentialLike, rows);
    }

    /**
     * One row per layer, in the order given, as Keras's summary: a layer called more than once (a
     * shared layer) has one row, its weights counted once, "multiple" as its output shape when its
     * calls give different shapes, and every call's inputs under "Connected to".
     */
    private static List<Row> rows(List<SymbolicTensor> nodes, List<Layer> order, boolean showInputs) {
        Map<SymbolicTensor, ReceptiveField.Field> fields = ReceptiveField.of(nodes);
        Map<Layer, List<SymbolicTensor>> calls = new LinkedHashMap<>();
        for (SymbolicTensor t : nodes) calls.computeIfAbsent(t.layer(), l -> new ArrayList<>()).add(t);
        List<Row> rows = new ArrayList<>();
        for (Layer layer : order) {
            if (layer instanceof InputLayer && !showInputs || !calls.containsKey(layer)) continue;
            List<SymbolicTensor> ts = calls.get(layer).stream().sorted(Comparator.comparingInt(SymbolicTensor::callIndex)).toList();
            rows.add(row(ts, fields.get(ts.get(0))));
        }
        return rows;
    }

    /** The row of a layer from its calls in this model, first call first (whose weights Keras builds). */
    private static Row row(List<SymbolicTensor> calls, ReceptiveField.Field f) {
        SymbolicTensor first = calls.get(0);
        Layer layer = first.layer();
        Derivation d = first.derivation();
        boolean oneShape = calls.stream().allMatch(t -> t.shape().equals(first.shape()));
        String shape = !oneShape ? "multiple"
                : layer instanceof InputLayer ? "[" + first.shape().withBatch() + "]" : first.shape().withBatch();
        List<String> connected = calls.stream().flatMap(t -> t.inputs().stream())
                .map(i -> i.layer().name() + "[" + i.callIndex() + "][0]").toList();
        long macs = calls.stream().mapToLong(t -> t.derivation().macs()).reduce(0, Math::addExact);
        boolean trainable = layer.trainable();
        return new Row(layer.name(), layer.type(), shape, oneShape ? first.shape() : null, d.inputs(), d.params(),
                trainable ? d.trainableParams() : 0, macs, connected, trainable, f == null ? "-" : f.text(),
                Status.OK, "", 0);
    }

    /**
     * The same table with the layers of each nested model listed below its row, indented, as Keras's
     * summary(expand_nested=True). The totals still count each nested model once.
     */
    public Summary expandNested() {
        List<Row> out = new ArrayList<>();
        for (Row r : rows) {
            out.add(r);
            Summary inner = nested.get(r.name());
            if (inner != null && r.depth() == 0) inner.expandNested().rows().forEach(x -> out.add(x.nested()));
        }
        return new Summary(modelName, sequentialLike, out, columns, Map.of());
    }

    /** The same rows with extra columns, shown by toText(), toJson() and the Tablesaw table. */
    public Summary with(Column... extra) {
        Set<Column> all = columns.isEmpty() ? EnumSet.noneOf(Column.class) : EnumSet.copyOf(columns);
        all.addAll(List.of(extra));
        return new Summary(modelName, sequentialLike, rows, all, nested);
    }

    /** Every extra column. */
    public Summary withAllColumns() { return with(Column.values()); }

    public String modelName() { return modelName; }
    public List<Row> rows() { return rows; }
    public Set<Column> columns() { return columns; }
    boolean sequentialLike() { return sequentialLike; }

    /** False when a layer failed: its row and the rows after it are not worked out. */
    public boolean isComplete() { return rows.stream().allMatch(Row::isKnown); }

    /** The nested models' summaries, by the name of their row. */
    public Map<String, Summary> nestedSummaries() { return nested; }

    /** The failing row's reason, or "" for a complete model. */
    public String failure() {
        return rows.stream().filter(r -> r.status() == Status.FAILED).map(Row::reason).findFirst().orElse("");
    }

    public long totalParams() { return sum(known().mapToLong(Row::params), "parameter count"); }
    public long trainableParams() { return sum(known().mapToLong(Row::trainableParams), "trainable parameter count"); }
    public long nonTrainableParams() { return totalParams() - trainableParams(); }
    /** Multiply-adds for one sample, the sum over the layers. */
    public long totalMacs() { return sum(known().mapToLong(Row::macs), "number of mult-adds"); }
    /** Bytes of every layer's float32 output for one sample; -1 when a size is unknown. */
    public long activationBytes() {
        if (known().anyMatch(r -> r.activationBytes() < 0)) return -1;
        try {
            return known().mapToLong(Row::activationBytes).reduce(0, Math::addExact);
        } catch (ArithmeticException beyondLong) {
            return -1;
        }
    }

    /** A total that may exceed a long even though each layer's count fits: then an explained error. */
    private long sum(LongStream counts, String what) {
        try {
            return counts.reduce(0, Math::addExact);
        } catch (ArithmeticException beyondLong) {
            throw new ShapeException(Problem.at("model " + modelName)
                    .headline("The model's total " + what + " is too large to represent.")
                    .expected("a total of at most " + Explanation.thousands(Long.MAX_VALUE) + " (the largest long)")
                    .got("layers whose counts add up to more than that")
                    .why("each layer's count fits in 64 bits, but their sum does not; no computer could hold such a model")
                    .fix("use smaller inputs, fewer units or filters, or reduce the size early (pooling, strides)"));
        }
    }

    /** The rows the totals add up: worked out, and not inside a nested model (whose row already counts them). */
    private Stream<Row> known() { return rows.stream().filter(r -> r.isKnown() && r.depth() == 0); }

    /** The tf.keras 2 text (65 columns for a chain, 98 for a graph), or a wider table with extra columns. */
    public String toText() { return columns.isEmpty() ? KerasSummaryText.render(this) : WideSummaryText.render(this); }

    /** In this layout: Keras 3's box table, or tf.keras 2's (as toText()). Extra columns use the wide layout. */
    public String toText(SummaryStyle style) {
        return style == SummaryStyle.KERAS3 && columns.isEmpty() ? Keras3SummaryText.render(this) : toText();
    }

    /** The same table as HTML, for notebooks: numbers grouped by thousands, a failed layer's reason below its row. */
    public String toHtml() { return HtmlSummaryText.render(this); }

    /** {"name", "layers":[{"name","type","output_shape":[null,148,148,16],"params":448}], totals}. */
    public String toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("name", modelName);
        List<Map<String, Object>> layers = new ArrayList<>();
        for (Row r : rows) layers.add(jsonRow(r));
        root.put("layers", layers);
        boolean complete = isComplete();
        root.put("total_params", complete ? totalParams() : null);
        root.put("trainable_params", complete ? trainableParams() : null);
        root.put("non_trainable_params", complete ? nonTrainableParams() : null);
        if (columns.contains(Column.MACS)) root.put("total_macs", complete ? totalMacs() : null);
        if (columns.contains(Column.MEMORY)) root.put("activation_bytes", complete && activationBytes() >= 0 ? activationBytes() : null);
        if (!complete) root.put("error", failure());
        return new GsonBuilder().serializeNulls().setPrettyPrinting().disableHtmlEscaping().create().toJson(root) + "\n";
    }

    private Map<String, Object> jsonRow(Row r) {
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("name", r.name());
        l.put("type", r.type());
        l.put("output_shape", r.output() == null ? null : r.output().withBatchList());
        l.put("params", r.isKnown() ? r.params() : null);
        if (columns.contains(Column.INPUT_SHAPE)) {
            l.put("input_shapes", r.isKnown() ? r.inputs().stream().map(Shape::withBatchList).toList() : null);
        }
        if (columns.contains(Column.MACS)) l.put("macs", r.isKnown() ? r.macs() : null);
        if (columns.contains(Column.MEMORY)) l.put("activation_bytes", r.activationBytes() >= 0 ? r.activationBytes() : null);
        if (columns.contains(Column.RECEPTIVE_FIELD)) l.put("receptive_field", r.isKnown() ? r.receptiveField() : null);
        if (columns.contains(Column.TRAINABLE)) l.put("trainable", r.trainable());
        if (r.depth() > 0) l.put("depth", r.depth());
        if (r.status() == Status.FAILED) l.put("error", r.reason());
        return l;
    }

    @Override public String toString() { return toText(); }

    /** {@code Sequential "sequential": 3 layers, 810 params, (None, 8, 8, 1) -> (None, 10)}: a model in one line. */
    static String oneLine(LayerGraph model) {
        String kind = model.getClass().getSimpleName() + " \"" + model.name() + "\": " + model.layers().size() + (model.layers().size() == 1 ? " layer" : " layers");
        if (model.inputs().isEmpty()) return kind + ", input shape not known yet";
        return kind + ", " + String.format("%,d", model.countParams()) + " params, " + model.inputShape().withBatch()
                + " -> " + model.outputShape().withBatch();
    }
}
