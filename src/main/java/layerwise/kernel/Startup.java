package layerwise.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;

/**
 * Runs {@code startup.jshell} (the imports of the Layerwise API, shared with {@code ./layerwise jshell})
 * line by line, so the first cell can be {@code var model = new Sequential();}. A line that fails is
 * skipped and remembered, never fatal: a broken startup must not leave the student without a kernel.
 * A star import of a package this build does not contain (a part of Layerwise not built) is left out.
 */
public final class Startup {
    static final String RESOURCE = "/layerwise/kernel/startup.jshell";

    private Startup() {}

    /** Evaluates the startup lines plus {@code extra}; returns one message per line that failed. */
    static List<String> run(JShell shell, List<String> extra) {
        List<String> problems = new ArrayList<>();
        List<String> lines = new ArrayList<>(readLines(problems));
        lines.addAll(extra);
        for (String line : lines) {
            String code = line.strip();
            if (code.isEmpty() || code.startsWith("//") || isAbsentPackage(code)) continue;
            try {
                for (SnippetEvent e : shell.eval(code)) {
                    if (e.status() == Snippet.Status.REJECTED) {
                        String why = shell.diagnostics(e.snippet()).map(d -> d.getMessage(Locale.ROOT).lines().findFirst().orElse(""))
                                .findFirst().orElse("rejected");
                        problems.add("skipped `" + code + "`: " + why);
                    } else if (e.exception() != null) {
                        problems.add("skipped `" + code + "`: " + e.exception());
                    }
                }
            } catch (RuntimeException | Error e) {
                problems.add("skipped `" + code + "`: " + e);
            }
        }
        return problems;
    }

    /** The startup lines this build can run (packages it lacks left out), for {@code ./layerwise jshell}. */
    public static List<String> linesForThisBuild() {
        return readLines(new ArrayList<>()).stream().filter(l -> !isAbsentPackage(l.strip())).toList();
    }

    private static List<String> readLines(List<String> problems) {
        try (InputStream in = Startup.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                problems.add("startup file " + RESOURCE + " is missing from the jar; nothing was imported");
                return List.of();
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            problems.add("could not read " + RESOURCE + ": " + e.getMessage());
            return List.of();
        }
    }

    private static boolean isAbsentPackage(String code) {
        if (!code.startsWith("import layerwise.") || !code.endsWith(".*;") || code.startsWith("import static")) return false;
        String pkg = code.substring("import ".length(), code.length() - ".*;".length());
        return Startup.class.getClassLoader().getResource(pkg.replace('.', '/') + "/") == null;
    }
}
