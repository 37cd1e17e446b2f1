package layerwise.kernel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.UnresolvedReferenceException;

/**
 * A notebook's JShell: evaluates one cell at a time, snippet by snippet, and hands back the value of the
 * last expression as a Java object. A cell stops at its first error, which is thrown as an exception that
 * {@link CellErrors} turns into a short message; everything evaluated before it stays defined.
 */
final class Session implements AutoCloseable {
    /** One statement or declaration of a cell: JShell's source, the text as typed, where it starts, and the cell line of the source's line 1. */
    record Chunk(String source, String typed, int start, int line) {}

    /** Where a compiled wrapper class came from, to turn a stack frame's line back into a cell line. */
    private record Origin(SourceCodeAnalysis.SnippetWrapper wrapper, int firstLine, int cell) {}

    private final JShell shell;
    private final InProcessExecution exec;
    private volatile boolean interruptRequested;
    private final List<DeclarationSnippet> declaredInCell = new ArrayList<>();
    private final Map<String, Origin> origins = new HashMap<>();
    private int cellCount;

    Session(String classPath) {
        var provider = new InProcessExecution.Provider();
        shell = JShell.builder().executionEngine(provider, Map.of()).build();
        exec = provider.control();
        if (!classPath.isEmpty()) shell.addToClasspath(classPath);
    }

    JShell shell() { return shell; }

    /** Evaluates a cell; returns the value to show, or null (no expression at the end, or a trailing ';'). */
    Object eval(String cell) {
        interruptRequested = false;
        exec.clearState();
        declaredInCell.clear();
        cellCount++;
        List<Chunk> chunks = split(cell);
        Object value = null;
        for (int i = 0; i < chunks.size(); i++) {
            if (interruptRequested) throw new CellErrors.Interrupted();
            value = evalChunk(chunks.get(i));
            boolean last = i == chunks.size() - 1;
            if (last && endsWithSemicolon(chunks.get(i).typed())) value = null;
        }
        reportUnresolved();
        return value;
    }

    private Object evalChunk(Chunk chunk) {
        Object value = null;
        for (SnippetEvent event : shell.eval(chunk.source())) {
            if (event.causeSnippet() != null) continue;
            if (event.snippet() instanceof DeclarationSnippet d) declaredInCell.add(d);
            remember(event.snippet(), chunk);
            if (event.status() == Snippet.Status.REJECTED) {
                throw new CellErrors.CompileError(chunk, diagnostics(event.snippet()));
            }
            if (exec.wasStopped() || interruptRequested) throw new CellErrors.Interrupted();
            if (event.exception() instanceof UnresolvedReferenceException u) {
                throw new CellErrors.Unresolved(u.getSnippet().name(), shell.unresolvedDependencies(u.getSnippet()).toList());
            }
            if (event.exception() != null) throw CellErrors.fromRun(exec.lastThrown(), event.exception(), chunk);
            if (isShownValue(event.snippet())) value = exec.take(event.value());
        }
        return value;
    }

    private void remember(Snippet s, Chunk chunk) {
        if (s.kind() == Snippet.Kind.ERRONEOUS || s.kind() == Snippet.Kind.IMPORT) return;
        try {
            var wrapper = shell.sourceCodeAnalysis().wrapper(s);
            origins.put(wrapper.fullClassName(), new Origin(wrapper, chunk.line(), cellCount));
        } catch (RuntimeException e) {
            // No wrapper for this kind of snippet: its frames keep JShell's names.
        }
    }

    /**
     * A stack frame of cell code in the student's terms: "f(), line 2 of this cell" instead of
     * "REPL.$JShell$12.f($JShell$12.java:7)"; null for a frame that is not cell code.
     */
    String describe(StackTraceElement frame) {
        String cls = frame.getClassName();
        int nested = cls.indexOf('$', "REPL.$JShell$".length());
        Origin o = cls.startsWith("REPL.") ? origins.get(nested < 0 ? cls : cls.substring(0, nested)) : null;
        if (o == null) return null;
        String method = frame.getMethodName().equals("do_it$") ? "cell code" : frame.getMethodName() + "()";
        int line = sourceLine(o.wrapper(), frame.getLineNumber());
        if (line < 0) return method;
        return method + ", line " + (o.firstLine() + line - 1) + (o.cell() == cellCount ? " of this cell" : " of the cell that declared it");
    }

    /** The 1-based line in the snippet's own text for a line of JShell's wrapped source, or -1. */
    private static int sourceLine(SourceCodeAnalysis.SnippetWrapper w, int wrappedLine) {
        String wrapped = w.wrapped();
        if (wrappedLine <= 0) return -1;
        int pos = 0;
        for (int l = 1; l < wrappedLine; l++) {
            int newline = wrapped.indexOf('\n', pos);
            if (newline < 0) return -1;
            pos = newline + 1;
        }
        while (pos < wrapped.length() && Character.isWhitespace(wrapped.charAt(pos))) pos++;
        int sourcePos = w.wrappedToSourcePosition(pos);
        // Wrapper code after the snippet maps to its end; count that as the snippet's last line. Wrapper code
        // before it (javac puts "return $1 = arr[5] = 1" on the line of "return") counts as its first line.
        String source = w.source();
        int codeStart = source.length() - source.stripLeading().length();
        return sourcePos < 0 ? -1 : lineOf(source, Math.max(codeStart, Math.min(sourcePos, source.stripTrailing().length() - 1)));
    }

    /** Expressions show their value, as in IPython; declarations and statements do not. */
    private static boolean isShownValue(Snippet s) {
        return s.kind() == Snippet.Kind.EXPRESSION
                || s.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
    }

    private List<Diag> diagnostics(Snippet s) {
        return shell.diagnostics(s).filter(Diag::isError).toList();
    }

    /** Classes may refer to ones the cell declares later; only what is still missing at the end is noted. */
    private void reportUnresolved() {
        for (DeclarationSnippet d : declaredInCell) {
            Snippet.Status status = shell.status(d);
            if (status != Snippet.Status.RECOVERABLE_DEFINED && status != Snippet.Status.RECOVERABLE_NOT_DEFINED) continue;
            List<String> missing = shell.unresolvedDependencies(d).toList();
            if (!missing.isEmpty()) {
                System.err.println("note: " + d.name() + " can be used once " + String.join(", ", missing) + " is declared.");
            }
        }
    }

    /** Cuts a cell into JShell snippets, keeping each one's position so errors can point into the cell. */
    List<Chunk> split(String cell) {
        List<Chunk> chunks = new ArrayList<>();
        String remaining = cell;
        int offset = 0;
        while (!remaining.isBlank()) {
            CompletionInfo info = shell.sourceCodeAnalysis().analyzeCompletion(remaining);
            if (info.completeness() == Completeness.EMPTY) break;
            boolean complete = info.completeness().isComplete();
            String rest = complete ? info.remaining() : "";
            int used = remaining.length() - rest.length();
            String typed = remaining.substring(0, used);
            int lead = typed.length() - typed.stripLeading().length();
            String source = complete ? info.source() : remaining;
            // JShell may keep blank lines before the code in the source; line 1 of the source sits above the code.
            int sourceLead = source.length() - source.stripLeading().length();
            int firstLine = lineOf(cell, offset + lead) - (lineOf(source, sourceLead) - 1);
            chunks.add(new Chunk(source, typed, offset + lead, firstLine));
            offset += used;
            remaining = rest;
        }
        return chunks;
    }

    static int lineOf(String text, int pos) {
        int line = 1;
        for (int i = 0; i < pos && i < text.length(); i++) if (text.charAt(i) == '\n') line++;
        return line;
    }

    /** True when the code, once comments and blanks are dropped, ends with ';' (IPython's "hide the value"). */
    static boolean endsWithSemicolon(String code) {
        String s = code.strip();
        while (true) {
            int lineComment = s.lastIndexOf('\n') < s.lastIndexOf("//") ? s.lastIndexOf("//") : -1;
            if (lineComment >= 0 && !insideString(s, lineComment)) {
                s = s.substring(0, lineComment).strip();
            } else if (s.endsWith("*/") && s.lastIndexOf("/*") >= 0) {
                s = s.substring(0, s.lastIndexOf("/*")).strip();
            } else {
                return s.endsWith(";");
            }
        }
    }

    private static boolean insideString(String s, int pos) {
        int lineStart = s.lastIndexOf('\n', pos) + 1;
        long quotes = s.substring(lineStart, pos).chars().filter(c -> c == '"').count();
        return quotes % 2 == 1;
    }

    /** Called from the control thread: stops the running snippet and skips the cell's remaining ones. */
    void interrupt() {
        interruptRequested = true;
        exec.stop();
    }

    @Override
    public void close() {
        shell.close();
    }
}
