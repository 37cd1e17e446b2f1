package layerwise.kernel;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * Runs JShell snippets in the kernel's own JVM, so a cell's value comes back as the Java object itself
 * (a Model, a chart) instead of a string. JShell only passes strings between compiler and executor, so
 * each value is parked in a table and JShell receives its key.
 * <p>
 * Every snippet class is rewritten by {@link SnippetRewriter} as it is loaded, and each snippet runs on a
 * fresh thread in its own {@link CellGuard.Cell} group. An interrupt interrupts that thread (ending a
 * sleep or a wait, and a fit between two batches) and asks {@link CellGuard} to stop the cell's code at
 * its next loop turn. A thread stuck where neither reaches it is left behind after a grace period, so
 * the kernel answers again either way.
 */
final class InProcessExecution extends DirectExecutionControl {
    static final String KEY_PREFIX = "\u0000layerwise-value:";
    private static final long ABANDON_AFTER_STOP_MS = 1500;
    /** Kept in reserve and let go when a cell runs out of memory, so the kernel can still send the error. */
    private static final int RESERVE_BYTES = 8 << 20;

    private final Map<String, Object> values = new ConcurrentHashMap<>();
    private final AtomicLong nextKey = new AtomicLong();
    private volatile Thread worker;
    private volatile CellGuard.Cell cell;
    private volatile boolean stopRequested;
    private volatile Throwable lastThrown;
    private byte[] reserve = new byte[RESERVE_BYTES];

    /** The object a snippet produced, looked up by the string JShell reported; removed once taken. */
    Object take(String key) {
        return key != null && key.startsWith(KEY_PREFIX) ? values.remove(key) : null;
    }

    static boolean isKey(String value) { return value != null && value.startsWith(KEY_PREFIX); }

    /** The exception the last snippet threw, as the object itself (JShell keeps only its name and text). */
    Throwable lastThrown() { return lastThrown; }

    /** True when the last snippet ended because of {@link #stop()}. */
    boolean wasStopped() { return stopRequested; }

    synchronized void clearState() {
        stopRequested = false;
        lastThrown = null;
        values.clear();
        CellGuard.forgetFinished();
        if (reserve == null) {
            try {
                reserve = new byte[RESERVE_BYTES];
            } catch (OutOfMemoryError stillFull) {
                // The heap is still full (a variable holds it); try again before the next cell.
            }
        }
    }

    @Override
    public void load(ClassBytecodes[] classes) throws ClassInstallException, NotImplementedException, EngineTerminationException {
        ClassBytecodes[] guarded = new ClassBytecodes[classes.length];
        for (int i = 0; i < classes.length; i++) {
            guarded[i] = new ClassBytecodes(classes[i].name(), SnippetRewriter.rewrite(classes[i].bytecodes()));
        }
        super.load(guarded);
    }

    @Override
    protected String invoke(Method doit) throws Exception {
        Object[] result = new Object[1];
        Throwable[] thrown = new Throwable[1];
        CellGuard.Cell group = new CellGuard.Cell();
        Thread t = new Thread(group, () -> {
            try {
                result[0] = doit.invoke(null);
            } catch (InvocationTargetException e) {
                thrown[0] = e.getCause();
            } catch (Throwable e) {
                thrown[0] = e;
            }
        }, "layerwise cell");
        t.setDaemon(true);
        t.setContextClassLoader(Thread.currentThread().getContextClassLoader());
        synchronized (this) {
            // An interrupt that came while JShell compiled the snippet stops it before it starts.
            if (stopRequested) throw new ExecutionControl.StoppedException();
            cell = group;
            worker = t;
            t.start();
        }
        try {
            waitFor(t);
        } finally {
            worker = null;
        }
        if (stopRequested) throw new ExecutionControl.StoppedException();
        if (thrown[0] != null) {
            if (thrown[0] instanceof OutOfMemoryError) reserve = null;
            lastThrown = thrown[0];
            throw new InvocationTargetException(thrown[0]);
        }
        if (result[0] == null) return valueString(null);
        String key = KEY_PREFIX + nextKey.incrementAndGet();
        values.put(key, result[0]);
        return key;
    }

    /** Until the cell's thread ends, or until it has ignored a stop for the grace period. */
    private void waitFor(Thread t) throws InterruptedException {
        long stoppedAt = 0;
        while (t.isAlive()) {
            t.join(100);
            if (!stopRequested) continue;
            if (stoppedAt == 0) stoppedAt = System.nanoTime();
            if (System.nanoTime() - stoppedAt > TimeUnit.MILLISECONDS.toNanos(ABANDON_AFTER_STOP_MS)) return;
        }
    }

    /** Called from the kernel's control thread while a cell runs. */
    @Override
    public synchronized void stop() {
        stopRequested = true;
        Thread t = worker;
        if (t == null) return;
        CellGuard.stop(cell);
        t.interrupt();
    }

    /** Hands JShell this in-process engine and remembers it, so the kernel can fetch values from it. */
    static final class Provider implements ExecutionControlProvider {
        private InProcessExecution control;

        @Override public String name() { return "layerwise-in-process"; }

        @Override
        public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
            control = new InProcessExecution();
            return control;
        }

        InProcessExecution control() { return control; }
    }
}
