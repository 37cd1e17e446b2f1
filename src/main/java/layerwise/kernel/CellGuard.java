package layerwise.kernel;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What cell code calls instead of ending the JVM, and the check it makes on every backward jump (every
 * turn of a loop). {@link SnippetRewriter} puts these calls into each snippet class before it is loaded,
 * so the guard works the same on every JDK, without a SecurityManager or {@code Thread.stop}.
 * <p>
 * Public only because the snippet classes, in JShell's own class loader, call it.
 */
public final class CellGuard {
    /** True while a stopped cell may still be running: lets {@link #checkpoint()} cost one read otherwise. */
    private static volatile boolean anyStopped;
    private static final List<Cell> stopped = new CopyOnWriteArrayList<>();

    private CellGuard() {}

    /** The threads of one cell: the thread that runs it and any thread it starts. */
    static final class Cell extends ThreadGroup {
        private volatile boolean stopRequested;

        Cell() { super("layerwise cell"); }
    }

    /** Ends a cell's code at its next check; thrown again at every check, so a catch-all loop cannot keep it. */
    static final class Stopped extends Error {
        Stopped() { super("The cell was interrupted.", null, false, false); }
    }

    /** Thrown in place of ending the JVM; the kernel shows it as a short note (named as Python's exception). */
    static final class SystemExit extends RuntimeException {
        SystemExit(String call, int status) {
            super(call + "(" + status + ") was called in a cell. The kernel keeps running and keeps your"
                    + " variables; use Kernel > Restart to start over.", null, false, false);
        }
    }

    /** Asks every thread of the cell to stop at its next check. */
    static void stop(Cell cell) {
        cell.stopRequested = true;
        stopped.add(cell);
        anyStopped = true;
    }

    /** Forgets stopped cells whose threads have all ended, so checks are cheap again. */
    static void forgetFinished() {
        stopped.removeIf(c -> c.activeCount() == 0);
        anyStopped = !stopped.isEmpty();
    }

    /** Called by cell code on every backward jump. */
    public static void checkpoint() {
        if (anyStopped && Thread.currentThread().getThreadGroup() instanceof Cell c && c.stopRequested) throw new Stopped();
    }

    /** Replaces {@code System.exit(status)} in cell code. */
    public static void exit(int status) {
        throw new SystemExit("System.exit", status);
    }

    /** Replaces {@code Runtime.getRuntime().exit(status)} in cell code. */
    public static void exit(Runtime runtime, int status) {
        throw new SystemExit("Runtime.exit", status);
    }

    /** Replaces {@code Runtime.getRuntime().halt(status)} in cell code. */
    public static void halt(Runtime runtime, int status) {
        throw new SystemExit("Runtime.halt", status);
    }
}
