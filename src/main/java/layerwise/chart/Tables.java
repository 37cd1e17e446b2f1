package layerwise.chart;

import layerwise.train.History;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/** A training run as a Tablesaw table, Keras's {@code pd.DataFrame(history.history)}: one row per epoch. */
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
}
