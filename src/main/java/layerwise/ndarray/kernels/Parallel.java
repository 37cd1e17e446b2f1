package layerwise.ndarray.kernels;

import java.util.function.IntConsumer;

/**
 * Runs numbered tasks on the cores. The kernels cut their work into tasks by the sizes alone, never
 * by the number of threads, and each task writes its own part of the result: so the numbers come out
 * bit for bit the same with 1 thread or 8. Set the thread count with {@code -Dlayerwise.threads=N}
 * (default: one per core).
 */
public final class Parallel {
    private static final int THREADS = Math.max(1, Integer.getInteger("layerwise.threads",
            Runtime.getRuntime().availableProcessors()));
    private static final Helpers HELPERS = THREADS == 1 ? null : new Helpers(THREADS - 1);

    /** True while this thread runs a task: a task that asks for parallel work does it itself. */
    private static final ThreadLocal<boolean[]> INSIDE = ThreadLocal.withInitial(() -> new boolean[1]);

    private Parallel() {}

    public static int threads() { return THREADS; }

    /**
     * Like {@link #forEach(int, IntConsumer)}, but runs on this thread alone when the whole job is
     * small: {@code work} (about the number of numbers touched) below 64 K. Waking a parked thread
     * takes 20–30 microseconds (5 when it is awake), longer than such a job. The tasks are the same either way.
     */
    public static void forEach(int count, long work, IntConsumer body) {
        if (work < SMALL_WORK) {
            for (int i = 0; i < count; i++) body.accept(i);
        } else {
            forEach(count, body);
        }
    }

    private static final long SMALL_WORK = 1 << 16;

    /**
     * Runs body(0) … body(count − 1), spread over the threads; the caller works too and returns when all
     * are done. The caller waits for the tasks, not for the helpers: a helper that comes late finds
     * nothing left and costs nothing.
     */
    public static void forEach(int count, IntConsumer body) {
        boolean[] busy = INSIDE.get();
        if (THREADS == 1 || count <= 1 || busy[0]) {
            for (int i = 0; i < count; i++) body.accept(i);
            return;
        }
        busy[0] = true;
        try {
            HELPERS.run(new Helpers.Job(count, body));
        } finally {
            busy[0] = false;
        }
    }

    /** Marks a helper thread for good: its tasks never hand work on. */
    static void markInside() { INSIDE.get()[0] = true; }

    /** A piece of an index range, from inclusive to exclusive. */
    public interface Range {
        void run(int from, int to);
    }

    /**
     * Runs body over 0 … n − 1 cut into pieces of {@code grain} indices (the last may be shorter): the
     * cut depends on n and grain only. Below two pieces it runs here, without any hand-over.
     */
    public static void forRange(int n, int grain, Range body) {
        int pieces = (n + grain - 1) / grain;
        if (pieces <= 1) {
            body.run(0, n);
            return;
        }
        forEach(pieces, c -> body.run(c * grain, Math.min(n, (c + 1) * grain)));
    }

    /** Runs work on this thread alone: any forEach inside it runs its tasks one after another. */
    public static void serially(Runnable work) {
        boolean[] busy = INSIDE.get();
        boolean was = busy[0];
        busy[0] = true;
        try {
            work.run();
        } finally {
            busy[0] = was;
        }
    }

}
