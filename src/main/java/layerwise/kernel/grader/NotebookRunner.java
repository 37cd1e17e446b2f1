package layerwise.kernel.grader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import jdk.jshell.JShell;

/**
 * Runs a notebook's code cells in JShell. The snippets are compiled here, in the grader's warm JVM,
 * and executed in a fresh JVM of their own ({@link ChildJvm}) whose working folder is a new
 * temporary folder holding only a copy of the notebook, deleted afterwards. Limits: the time of the
 * whole run (then the JVM is killed), its heap, and the output kept. System.exit ends only that JVM.
 * Errors in a cell are noted and the next cells still run, as in a script.
 */
public final class NotebookRunner {
    private static final long ANSWERS_LIMIT = 4 << 20;

    /** What came back from one run: the answer stream's lines (one JSON attempt each) and what went wrong, if anything. */
    public record Result(List<String> attempts, List<String> problems) {
        public Result {
            attempts = List.copyOf(attempts);
            problems = List.copyOf(problems);
        }
    }

    private final Duration timeout;
    private final long outputLimit;
    private final String memory;

    public NotebookRunner(Duration timeout, long outputLimit) { this(timeout, outputLimit, "512m"); }

    /** @param memory the notebook JVM's heap limit, as -Xmx takes it ("512m") */
    public NotebookRunner(Duration timeout, long outputLimit, String memory) {
        this.timeout = timeout;
        this.outputLimit = outputLimit;
        this.memory = memory;
    }

    /** Whether notebooks run read-only outside their folder on this system (see {@code Sandbox}). */
    public static boolean sandboxed() { return Sandbox.available(); }

    public Result run(Path notebook) {
        Notebook nb;
        try {
            nb = Notebook.read(notebook);
        } catch (IOException | RuntimeException e) {
            return new Result(List.of(), List.of("could not read " + notebook.getFileName() + ": " + String.valueOf(e.getMessage()).lines().findFirst().orElse("")));
        }
        Path folder = null;
        try {
            folder = Files.createTempDirectory("layerwise-grade-");
            Files.copy(notebook, folder.resolve(notebook.getFileName().toString()));
            CappedStream answers = new CappedStream(ANSWERS_LIMIT);
            List<String> problems = run(nb, folder, answers);
            return new Result(answers.kept().lines().toList(), problems);
        } catch (IOException e) {
            return new Result(List.of(), List.of("cannot make the notebook's temporary folder: " + e.getMessage()));
        } finally {
            if (folder != null) delete(folder);
        }
    }

    private List<String> run(Notebook nb, Path folder, CappedStream answers) {
        CappedStream output = new CappedStream(outputLimit);
        AtomicBoolean timedOut = new AtomicBoolean(), ended = new AtomicBoolean();
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "grader-watchdog");
            t.setDaemon(true);
            return t;
        });
        List<String> problems = new ArrayList<>();
        PrintStream printed = new PrintStream(output, true, StandardCharsets.UTF_8);
        ChildJvm child = new ChildJvm(folder, RemoteVm.options(folder, memory), answers);
        try (JShell shell = JShell.builder().out(printed).err(printed).in(new ByteArrayInputStream(new byte[0]))
                .executionEngine(child, Map.of()).build()) {
            shell.onShutdown(s -> ended.set(true));
            watchdog.schedule(() -> {
                timedOut.set(true);
                child.kill();
            }, timeout.toMillis(), TimeUnit.MILLISECONDS);
            RemoteVm.prepare(shell);
            List<String> cells = nb.codeCells();
            for (int i = 0; i < cells.size() && !ended.get(); i++) {
                Cells.run(shell, cells.get(i), i + 1, problems);
                if (timedOut.get()) {
                    problems.add("stopped after " + timeout.toSeconds() + " s (time limit) in code cell " + (i + 1)
                            + "; answers checked before that cell count");
                    break;
                }
                if (ended.get()) {
                    problems.add("code cell " + (i + 1) + " ended the Java process (System.exit or a crash); answers checked before it count");
                    break;
                }
            }
        } catch (RuntimeException e) {
            problems.add("the notebook's Java process failed: " + e.getMessage());
        } finally {
            watchdog.shutdownNow();
            child.kill();
        }
        if (output.overflowed()) {
            problems.add("printed " + String.format("%,d", output.total()) + " bytes; output past " + String.format("%,d", outputLimit) + " bytes was dropped");
        }
        return problems;
    }

    private static void delete(Path folder) {
        try (Stream<Path> all = Files.walk(folder)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException ignored) {
            // a temporary folder left behind harms nothing
        }
    }
}
