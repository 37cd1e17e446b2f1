package layerwise.chart;

import java.util.stream.Collectors;

import layerwise.model.Summary;
import layerwise.model.Summary.Column;
import layerwise.model.Summary.Row;
import layerwise.train.History;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Layerwise's results as Tablesaw tables, to sort, filter and sum: a training run as Keras's
 * {@code pd.DataFrame(history.history)} (one row per epoch), and a model summary (one row per layer;
 * extra columns chosen with {@code Summary.with(…)} become columns too, unknown values are missing).
 */
public final class Tables {
    private Tables() {}

    public static Table history(History h) {
        Table t = Table.create("history");
        int[] epochs = new int[h.epochs()];
        for (int i = 0; i < epochs.length; i++) epochs[i] = i + 1;
        t.addColumns(IntColumn.create("epoch", epochs));
        for (String key : h.keys()) t.addColumns(DoubleColumn.create(key, h.get(key)));
        return t;
    }

    /** {@code Tables.summary(model.summaryTable()).sortDescendingOn("params")}. */
    public static Table summary(Summary s) {
        StringColumn name = StringColumn.create("name"), type = StringColumn.create("type"),
                inputShape = StringColumn.create("input_shape"), outputShape = StringColumn.create("output_shape"),
                field = StringColumn.create("receptive_field");
        LongColumn params = LongColumn.create("params"), macs = LongColumn.create("macs"), bytes = LongColumn.create("activation_bytes");
        BooleanColumn trainable = BooleanColumn.create("trainable");
        for (Row r : s.rows()) {
            name.append(r.name());
            type.append(r.type());
            outputShape.append(r.outputShape());
            inputShape.append(r.isKnown() ? r.inputs().stream().map(x -> x.withBatch()).collect(Collectors.joining(", ")) : "?");
            field.append(r.receptiveField());
            trainable.append(r.trainable());
            if (r.isKnown()) {
                params.append(r.params());
                macs.append(r.macs());
            } else {
                params.appendMissing();
                macs.appendMissing();
            }
            if (r.activationBytes() >= 0) bytes.append(r.activationBytes()); else bytes.appendMissing();
        }
        Table t = Table.create(s.modelName(), name, type);
        if (s.columns().contains(Column.INPUT_SHAPE)) t.addColumns(inputShape);
        t.addColumns(outputShape, params);
        if (s.columns().contains(Column.MACS)) t.addColumns(macs);
        if (s.columns().contains(Column.MEMORY)) t.addColumns(bytes);
        if (s.columns().contains(Column.RECEPTIVE_FIELD)) t.addColumns(field);
        if (s.columns().contains(Column.TRAINABLE)) t.addColumns(trainable);
        return t;
    }
}
