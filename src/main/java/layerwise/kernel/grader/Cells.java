package layerwise.kernel.grader;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;

/** Feeds one notebook cell to JShell snippet by snippet, and notes what failed without stopping. */
final class Cells {
    private Cells() {}

    static void run(JShell shell, String cell, int number, List<String> problems) {
        String rest = withoutMagics(cell);
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        try {
            while (!rest.isBlank()) {
                SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
                Completeness c = info.completeness();
                if (c == Completeness.EMPTY) break;
                boolean complete = c == Completeness.COMPLETE || c == Completeness.COMPLETE_WITH_SEMI || c == Completeness.UNKNOWN;
                String snippet = complete ? info.source() : rest;
                for (SnippetEvent e : shell.eval(snippet)) note(shell, e, number, problems);
                if (!complete) break;
                rest = info.remaining();
            }
        } catch (IllegalStateException closed) {
            // The JVM was stopped or ended; the runner reports why.
        }
    }

    private static void note(JShell shell, SnippetEvent e, int cell, List<String> problems) {
        if (e.causeSnippet() != null) return;
        if (e.exception() != null) {
            String msg = e.exception().getMessage();
            String type = e.exception() instanceof jdk.jshell.EvalException ee ? ee.getExceptionClassName() : e.exception().getClass().getSimpleName();
            problems.add("code cell " + cell + " threw " + type + (msg == null ? "" : ": " + firstLine(msg)));
        } else if (e.status() == Snippet.Status.REJECTED) {
            String diag = shell.diagnostics(e.snippet()).map(d -> d.getMessage(Locale.ROOT)).map(Cells::firstLine)
                    .collect(Collectors.joining("; "));
            problems.add("code cell " + cell + " does not compile: " + diag);
        }
    }

    /** Jupyter magics (%…) and JShell commands (/…) are not Java; a grading run skips them. */
    private static String withoutMagics(String cell) {
        return cell.lines().filter(l -> !l.stripLeading().startsWith("%") && !l.stripLeading().matches("/[a-z!?].*"))
                .collect(Collectors.joining("\n"));
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

}
