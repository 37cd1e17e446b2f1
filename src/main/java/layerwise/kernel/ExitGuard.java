package layerwise.kernel;

import java.security.Permission;

/**
 * Keeps {@code System.exit} in a cell from ending the kernel and with it the notebook's state: a call
 * from a cell thread is turned into an {@link ExitAttempt}, reported as the cell's error. Everything else
 * is allowed, including exits by the kernel itself at shutdown. A SecurityManager is the only hook JDK 17
 * offers for this; the kernel starts with -Djava.security.manager=allow so installing it is quiet.
 */
@SuppressWarnings("removal")
final class ExitGuard extends SecurityManager {

    /** Thrown in place of exiting; the kernel shows it as a short note. */
    static final class ExitAttempt extends SecurityException {
        final int status;

        ExitAttempt(int status) {
            super("System.exit(" + status + ") was called in a cell. The kernel keeps running and keeps your"
                    + " variables; use Kernel > Restart to start over.");
            this.status = status;
        }
    }

    /** Installs the guard unless the JVM forbids it (then System.exit ends the kernel as usual). */
    static boolean install() {
        // JDK 17 prints a deprecation warning to the kernel's log (not to the notebook) here.
        try {
            System.setSecurityManager(new ExitGuard());
            return true;
        } catch (UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    @Override
    public void checkExit(int status) {
        if (inCell()) throw new ExitAttempt(status);
    }

    private static boolean inCell() {
        for (ThreadGroup g = Thread.currentThread().getThreadGroup(); g != null; g = g.getParent()) {
            if (g == InProcessExecution.CELLS) return true;
        }
        return false;
    }

    @Override public void checkPermission(Permission perm) {}

    @Override public void checkPermission(Permission perm, Object context) {}
}
