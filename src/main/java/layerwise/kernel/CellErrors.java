package layerwise.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShellException;

import layerwise.error.NnException;

/**
 * Turns what went wrong in a cell into a few readable lines: a compile error points at the bad span, a
 * Layerwise error shows its explanation without a stack trace, anything else shows a trace cut down to
 * the frames of the cell and the library.
 */
final class CellErrors {
    private static final int MAX_FRAMES = 12;
    private static final int MAX_COMPILE_ERRORS = 3;
    private static final String RED = "\u001b[0;31m", RESET = "\u001b[0m";

    private CellErrors() {}

    /** javac rejected a snippet; the lines show where, with carets under the bad span. */
    static final class CompileError extends RuntimeException {
        final List<String> lines;

        CompileError(Session.Chunk chunk, List<Diag> diags) {
            super(diags.isEmpty() ? "the code does not compile" : diags.get(0).getMessage(Locale.ROOT).lines().findFirst().orElse(""));
            lines = describe(chunk, diags);
        }
    }

    /** The user interrupted the kernel while the cell ran. */
    static final class Interrupted extends RuntimeException {
        Interrupted() {
            super("the cell was stopped. Variables defined before it keep their values.");
        }
    }

    /** The cell used up the kernel's heap; what it allocated is gone, the kernel and the variables stay. */
    static final class OutOfMemory extends RuntimeException {
        OutOfMemory(OutOfMemoryError e) {
            super("the cell needed more memory than the kernel has (" + e.getMessage() + ", at most "
                    + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB).\n"
                    + "  The kernel keeps running with your variables. Fix: use fewer or smaller arrays (a smaller batch,"
                    + " fewer samples),\n  or set a variable that holds a big array to null before allocating another.");
        }
    }

    /** A method or class was used before something it needs was declared. */
    static final class Unresolved extends RuntimeException {
        Unresolved(String name, List<String> missing) {
            super(name + " cannot be used until " + (missing.isEmpty() ? "what it refers to" : String.join(", ", missing))
                    + " is declared. Declare it in this cell or an earlier one, then run this cell again.");
        }
    }

    /** Carries an exception a cell threw that is not an unchecked exception (a checked one, or an Error). */
    static final class CellFailure extends RuntimeException {
        CellFailure(Throwable cause) {
            super(cause.toString(), cause);
        }
    }

    /** The exception to report for a snippet that threw: the original object when we have it. */
    static RuntimeException fromRun(Throwable original, JShellException reported, Session.Chunk chunk) {
        Throwable t = original != null ? original : reported;
        if (t instanceof OutOfMemoryError oom) return new OutOfMemory(oom);
        return t instanceof RuntimeException r ? r : new CellFailure(t);
    }

    /** The lines shown in the notebook for an exception from a cell. */
    static List<String> format(Throwable e, Function<StackTraceElement, String> cellFrames) {
        if (e instanceof CompileError c) return c.lines;
        if (e instanceof CellFailure && e.getCause() != null) e = e.getCause();
        if (e instanceof NnException || e instanceof Interrupted || e instanceof Unresolved
                || e instanceof OutOfMemory || e instanceof CellGuard.SystemExit) {
            List<String> lines = new ArrayList<>(List.of(String.valueOf(e.getMessage()).split("\n")));
            lines.set(0, e.getClass().getSimpleName() + ": " + lines.get(0));
            return lines;
        }
        return trimmedTrace(e, cellFrames);
    }

    /**
     * The lines as a notebook shows them: the kind of error (the text before the first ": ") in red, as
     * IPython does, so an explained error reads as an error and not as output.
     */
    static List<String> colored(List<String> lines) {
        if (lines.isEmpty()) return lines;
        List<String> out = new ArrayList<>(lines);
        String first = lines.get(0);
        int colon = first.indexOf(": ");
        int end = colon < 0 ? first.length() : colon;
        out.set(0, RED + first.substring(0, end) + RESET + first.substring(end));
        return out;
    }

    /** JShell's names for a variable or class of a cell ("REPL.$JShell$22.t", "REPL.$JShell$15$Net") as the student wrote them. */
    static String withoutJShellNames(String text) {
        return text == null ? null : text.replaceAll("REPL\\.\\$JShell\\$\\d+\\$", "").replaceAll("REPL\\.\\$JShell\\$\\d+\\.", "");
    }

    private static List<String> describe(Session.Chunk chunk, List<Diag> diags) {
        List<String> out = new ArrayList<>();
        String src = chunk.source();
        for (Diag d : diags.subList(0, Math.min(diags.size(), MAX_COMPILE_ERRORS))) {
            int start = (int) Math.max(0, Math.min(d.getStartPosition(), src.length()));
            int end = (int) Math.max(start + 1, Math.min(d.getEndPosition(), src.length()));
            int lineStart = src.lastIndexOf('\n', Math.max(0, start - 1)) + 1;
            if (start < lineStart) lineStart = 0;
            int lineEnd = src.indexOf('\n', start);
            if (lineEnd < 0) lineEnd = src.length();
            int line = chunk.line() + Session.lineOf(src, start) - 1;
            String[] message = d.getMessage(Locale.ROOT).split("\n");
            out.add("Compile error at line " + line + ": " + message[0]);
            out.add("    " + src.substring(lineStart, lineEnd));
            out.add("    " + " ".repeat(start - lineStart) + "^".repeat(Math.max(1, Math.min(end, lineEnd) - start)));
            for (int i = 1; i < message.length; i++) {
                if (!message[i].strip().startsWith("location:")) out.add(message[i]);
            }
        }
        if (diags.size() > MAX_COMPILE_ERRORS) out.add("(and " + (diags.size() - MAX_COMPILE_ERRORS) + " more errors after the first ones are fixed)");
        return out;
    }

    /** The exception and its frames up to where the kernel called the cell; a run of equal frames shown once. */
    private static List<String> trimmedTrace(Throwable e, Function<StackTraceElement, String> cellFrames) {
        List<String> out = new ArrayList<>();
        out.add(headline(e));
        String previous = null;
        int repeats = 0;
        for (StackTraceElement f : e.getStackTrace()) {
            String cls = f.getClassName();
            if (cls.startsWith("jdk.internal.reflect.") || cls.startsWith("java.lang.reflect.") || cls.startsWith("layerwise.kernel.")) break;
            String cellFrame = cellFrames.apply(f);
            String line = "    at " + (cellFrame != null ? cellFrame : f.toString());
            if (line.equals(previous)) {
                repeats++;
                continue;
            }
            if (repeats > 0) out.add("    ... the line above " + repeats + " more times");
            repeats = 0;
            if (out.size() > MAX_FRAMES) {
                out.add("    ...");
                break;
            }
            out.add(line);
            previous = line;
        }
        if (repeats > 0) out.add("    ... the line above " + repeats + " more times");
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            out.add("Caused by: " + headline(c));
        }
        return out;
    }

    private static String headline(Throwable e) {
        if (e instanceof EvalException ev) return ev.getExceptionClassName() + (ev.getMessage() == null ? "" : ": " + withoutJShellNames(ev.getMessage()));
        String message = e.getLocalizedMessage();
        return withoutJShellNames(e.getClass().getName()) + (message == null ? "" : ": " + withoutJShellNames(message));
    }
}
