package layerwise.kernel;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 * Each snippet runs on a fresh worker thread, which keeps the kernel's threads safe from anything a cell
 * does (a StackOverflowError, an OutOfMemoryError) and lets an interrupt stop it: first
 * {@code Thread.interrupt} (ends a sleep or a wait), then, for a busy loop that never looks at the flag,
 * {@code Thread.stop}, still available in JDK 17.
 */
final class InProcessExecution extends DirectExecutionControl {
    static final String KEY_PREFIX = "\u0000layerwise-value:";
    private static final long STOP_GRACE_MS = 300;

    /** The thread group every cell thread belongs to; ExitGuard recognises cell code by it. */
    static final ThreadGroup CELLS = new ThreadGroup("layerwise cells");

    private final Map<String, Object> values = new ConcurrentHashMap<>();
    private final AtomicLong nextKey = new AtomicLong();
    private volatile Thread worker;
    private volatile boolean stopRequested;
    private volatile Throwable lastThrown;

    /** The object a snippet produced, looked up by the string JShell reported; removed once taken. */
    Object take(String key) {
        return key != null && key.startsWith(KEY_PREFIX) ? values.remove(key) : null;
    }

    static boolean isKey(String value) { return value != null && value.startsWith(KEY_PREFIX); }

    /** The exception the last snippet threw, as the object itself (JShell keeps only its name and text). */
    Throwable lastThrown() { return lastThrown; }

    /** True when the last snippet ended because of {@link #stop()}. */
    boolean wasStopped() { return stopRequested; }

    void clearState() {
        stopRequested = false;
        lastThrown = null;
        values.clear();
    }

    @Override
    protected String invoke(Method doit) throws Exception {
        Object[] result = new Object[1];
        Throwable[] thrown = new Throwable[1];
        Thread t = new Thread(CELLS, () -> {
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
        worker = t;
        t.start();
        try {
            t.join();
        } finally {
            worker = null;
        }
        if (stopRequested) throw new ExecutionControl.StoppedException();
        if (thrown[0] != null) {
            lastThrown = thrown[0];
            if (thrown[0] instanceof Exception e) throw new InvocationTargetException(e);
            // An Error (stack overflow, out of memory) ended the cell, not the kernel: report it like an exception.
            throw new InvocationTargetException(thrown[0]);
        }
        if (result[0] == null) return valueString(null);
        String key = KEY_PREFIX + nextKey.incrementAndGet();
        values.put(key, result[0]);
        return key;
    }

    /** Called from the kernel's control thread while a cell runs. */
    @Override
    @SuppressWarnings({"deprecation", "removal"})
    public void stop() {
        Thread t = worker;
        if (t == null) return;
        stopRequested = true;
        t.interrupt();
        try {
            t.join(STOP_GRACE_MS);
            if (t.isAlive()) t.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (UnsupportedOperationException e) {
            // Thread.stop is gone after JDK 19: a busy loop then keeps running until it checks the interrupt flag.
        }
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
