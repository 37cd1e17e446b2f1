package layerwise.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import layerwise.layers.BatchNormalization;
import layerwise.layers.Conv2D;
import layerwise.layers.Names;
import layerwise.model.KerasJson;
import layerwise.model.Model;
import layerwise.model.Sequential;

/**
 * How long summary() and explain() take on a 200-layer model after warm-up (the goal is under 50 ms).
 * Not a unit test; run it with the command in the README ("Benchmark"):
 * <pre>
 *   mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt
 *   java -cp target/test-classes:target/classes:$(cat target/test-classpath.txt) org.openjdk.jmh.Main SummaryExplainBench
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SummaryExplainBench {
    private Model model;
    private String json;

    /** 100 blocks of Conv2D('same') and BatchNormalization: 200 layers, every one with a full derivation. */
    static Model twoHundredLayers() {
        Names.reset();
        var m = new Sequential();
        m.add(new Conv2D(16, 3).padding("same").inputShape(64, 64, 3));
        m.add(new BatchNormalization());
        for (int i = 1; i < 100; i++) {
            m.add(new Conv2D(16, 3).padding("same").activation("relu"));
            m.add(new BatchNormalization());
        }
        return m;
    }

    @Setup(Level.Trial)
    public void build() {
        model = twoHundredLayers();
        json = model.toJson();
    }

    /** The table (every row's shape and params) and the whole layer-by-layer trace, as text. */
    @Benchmark
    public int summaryAndExplain() {
        return model.summaryTable().toText().length() + model.explanation().toText().length();
    }

    /** The same with the extra columns (mult-adds, memory, receptive field) and the Markdown trace. */
    @Benchmark
    public int summaryWithAllColumnsAndMarkdown() {
        return model.summaryTable().withAllColumns().toText().length() + model.explanation().toMarkdown().length();
    }

    /** Reading the model's JSON, which derives all 200 shapes again. */
    @Benchmark
    public int readJson() {
        return KerasJson.read(json).layers().size();
    }
}
