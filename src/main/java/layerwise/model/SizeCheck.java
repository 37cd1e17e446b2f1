package layerwise.model;

import java.util.Locale;

import layerwise.error.ConfigException;
import layerwise.error.Problem;
import layerwise.layers.InputLayer;
import layerwise.layers.SymbolicTensor;

/**
 * Refuses, before anything is allocated, a model whose numbers cannot be held: a Java array holds at
 * most 2,147,483,647 numbers, and the weights (with their gradients, 8 bytes per weight) must fit in
 * the heap. Keras would try and fail deep inside; here the sizes come from the shape derivations.
 */
final class SizeCheck {
    /** The largest array the JVM creates (Integer.MAX_VALUE less a few header words). */
    static final long MAX_ARRAY = Integer.MAX_VALUE - 8;
    /** Each weight is a float, and has a float gradient beside it. */
    private static final int BYTES_PER_WEIGHT = 8;

    private SizeCheck() {}

    static void weights(Model model) {
        long total = 0;
        for (SymbolicTensor t : model.nodes()) {
            if (t.layer() instanceof InputLayer) continue;
            long params = t.derivation().params();
            if (params > MAX_ARRAY) {
                throw new ConfigException(Problem.at(t.layer().label())
                        .headline("Layer " + t.layer().name() + " has " + count(params) + " weights (" + gb(params * 4) + " as float32), too many for one array.")
                        .expected("at most " + count(MAX_ARRAY) + " weights in one layer (the largest Java array)")
                        .got(count(params) + " weights for the input " + t.inputs().get(0).shape().withBatch())
                        .fix(fix(t)));
            }
            if (!t.layer().isInitialized()) total += params;
        }
        Runtime rt = Runtime.getRuntime();
        long free = freeHeap(rt);
        if (total * BYTES_PER_WEIGHT > free) {
            // garbage counts as used until collected: collect once before refusing
            System.gc();
            free = freeHeap(rt);
        }
        if (total * BYTES_PER_WEIGHT > free) {
            throw new ConfigException(Problem.at(model.name())
                    .headline("The model's " + count(total) + " weights need " + gb(total * BYTES_PER_WEIGHT)
                            + " (each weight and its gradient, 4 bytes each), but only " + gb(free) + " of the Java heap is free.")
                    .expected("weights and gradients that fit in the heap: at most " + gb(rt.maxMemory()) + " (-Xmx)")
                    .got(count(total) + " weights = " + gb(total * BYTES_PER_WEIGHT))
                    .why("summary() and explain() need no weights, but predict, fit and evaluate do")
                    .fix("make the biggest layers smaller (model.summary() shows which), or give Java more memory with -Xmx"));
        }
    }

    /** A batch's activations must fit in arrays too: batch × the largest output per sample. */
    static void batch(Model model, int batchSize) {
        for (SymbolicTensor t : model.nodes()) {
            long perSample = 1;
            for (long d : t.shape().dims()) perSample = Math.multiplyExact(perSample, Math.max(d, 1));
            if (perSample * batchSize > MAX_ARRAY) {
                throw new ConfigException(Problem.at(t.layer().label())
                        .headline("A batch of " + batchSize + " samples gives layer " + t.layer().name() + " an output of "
                                + count(perSample * batchSize) + " numbers, too many for one array.")
                        .expected("batch_size × " + count(perSample) + " (the output " + t.shape().withBatch() + ") ≤ " + count(MAX_ARRAY))
                        .got("batch_size " + batchSize + " → " + count(perSample * batchSize) + " numbers")
                        .fix("use a batch size of at most " + Math.max(1, MAX_ARRAY / perSample)));
            }
        }
    }

    private static long freeHeap(Runtime rt) { return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory()); }

    private static String fix(SymbolicTensor t) {
        SymbolicTensor before = t.inputs().get(0);
        return before.shape().rank() == 1 && !(before.layer() instanceof InputLayer)
                ? "shrink what reaches this layer: pool or stride before " + before.layer().name() + " " + before.shape().withBatch()
                        + ", or use fewer units"
                : "use fewer units or filters, or smaller inputs";
    }

    private static String count(long n) { return String.format(Locale.ROOT, "%,d", n); }

    private static String gb(long bytes) { return String.format(Locale.ROOT, "%.2f GB", bytes / (1024.0 * 1024 * 1024)); }
}
