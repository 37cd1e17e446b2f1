package layerwise.kernel;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.SourceCodeAnalysis.Documentation;
import jdk.jshell.SourceCodeAnalysis.Suggestion;
import jdk.jshell.VarSnippet;

/**
 * Tab completion, Shift-Tab inspection and the "is this cell complete?" check, all answered by JShell's
 * source analysis on the snippet under the cursor.
 */
final class CellTools {
    enum Status { COMPLETE, INCOMPLETE, INVALID }

    record Completion(List<String> options, int start, int end) {}

    private final Session session;

    CellTools(Session session) {
        this.session = session;
    }

    private SourceCodeAnalysis analysis() { return session.shell().sourceCodeAnalysis(); }

    /** The text from the start of the snippet under the cursor up to the cursor. */
    private int snippetStart(String code, int at) {
        int start = 0;
        for (Session.Chunk c : session.split(code)) {
            if (c.start() <= at) start = c.start();
        }
        return start;
    }

    Completion complete(String code, int at) {
        at = Math.min(Math.max(at, 0), code.length());
        int start = snippetStart(code, at);
        int[] anchor = new int[1];
        List<Suggestion> suggestions = analysis().completionSuggestions(code.substring(start, at), at - start, anchor);
        Set<String> options = new LinkedHashSet<>();
        suggestions.stream().filter(Suggestion::matchesType).forEach(s -> options.add(s.continuation()));
        suggestions.forEach(s -> options.add(s.continuation()));
        return new Completion(List.copyOf(options), start + anchor[0], at);
    }

    /** A variable's type and value, or the signatures of the method or class at the cursor; null if none. */
    String inspect(String code, int at) {
        at = Math.min(Math.max(at, 0), code.length());
        int end = at;
        while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) end++;
        int begin = at;
        while (begin > 0 && Character.isJavaIdentifierPart(code.charAt(begin - 1))) begin--;
        String word = code.substring(begin, end);
        for (VarSnippet v : session.shell().variables().toList()) {
            if (v.name().equals(word)) return v.typeName() + " " + v.name() + " = " + session.shell().varValue(v);
        }
        int start = snippetStart(code, end);
        List<Documentation> docs = analysis().documentation(code.substring(start, end), end - start, true);
        if (docs.isEmpty()) return null;
        StringBuilder out = new StringBuilder();
        for (Documentation d : docs) {
            out.append(d.signature()).append('\n');
            if (d.javadoc() != null && !d.javadoc().isBlank()) out.append(d.javadoc().strip()).append("\n\n");
        }
        return out.toString().strip();
    }

    Status isComplete(String code) {
        String remaining = code;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis().analyzeCompletion(remaining);
            Completeness c = info.completeness();
            if (c == Completeness.EMPTY) return Status.COMPLETE;
            if (c == Completeness.DEFINITELY_INCOMPLETE || c == Completeness.CONSIDERED_INCOMPLETE) return Status.INCOMPLETE;
            if (c == Completeness.UNKNOWN) return Status.INVALID;
            remaining = info.remaining();
        }
        return Status.COMPLETE;
    }
}
