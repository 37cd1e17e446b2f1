package layerwise.kernel.grader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jdk.jshell.JShell;

/**
 * Runs a notebook's code cells in JShell, whose snippets execute in a fresh JVM of their own (JShell's
 * default remote execution), then reads back the answers the notebook checked. The whole run has a time
 * limit; a cell that loops is stopped and, if it will not stop, its JVM is killed. System.exit ends only
 * that JVM. Errors in a cell are noted and the next cells still run, as in a script.
 */
public final class NotebookRunner {
    /** What came back from one run: the answer log's lines (one JSON attempt each) and what went wrong, if anything. */
    public record Result(List<String> attempts, List<String> problems) {
        public Result {
            attempts = List.copyOf(attempts);
            problems = List.copyOf(problems);
        }
    }
    private final Duration timeout;
    private final long outputLimit;

    public NotebookRunner(Duration timeout, long outputLimit) {
        this.timeout = timeout;
        this.outputLimit = outputLimit;
    }

    public Result run(Path notebook) {
        Notebook nb;
        try {
            nb = Notebook.read(notebook);
        } catch (IOException | RuntimeException e) {
            return new Result(List.of(), List.of("could not read " + notebook.getFileName() + ": " + String.valueOf(e.getMessage()).lines().findFirst().orElse("")));
        }
        Path log;
        try {
            log = Files.createTempFile("layerwise-attempts", ".jsonl");
        } catch (IOException e) {
            return new Result(List.of(), List.of("cannot create the answer log: " + e.getMessage()));
        }
        try {
            List<String> problems = run(nb, log);
            return new Result(Files.readAllLines(log, StandardCharsets.UTF_8), problems);
        } catch (IOException e) {
            return new Result(List.of(), List.of("cannot read the answer log: " + e.getMessage()));
        } finally {
            try {
                Files.deleteIfExists(log);
            } catch (IOException ignored) {
                // a temporary file left behind harms nothing
            }
        }
    }

    private List<String> run(Notebook nb, Path log) {
        CappedStream output = new CappedStream(outputLimit);
        AtomicBoolean timedOut = new AtomicBoolean(), ended = new AtomicBoolean();
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "grader-watchdog");
            t.setDaemon(true);
            return t;
        });
        List<String> problems = new ArrayList<>();
        PrintStream printed = new PrintStream(output, true, StandardCharsets.UTF_8);
        InputStream noInput = new ByteArrayInputStream(new byte[0]);
        try (JShell shell = JShell.builder().out(printed).err(printed).in(noInput)
                .remoteVMOptions(RemoteVm.options(log)).build()) {
            shell.onShutdown(s -> ended.set(true));
            RemoteVm.prepare(shell);
            watchdog.schedule(() -> stop(shell, timedOut, watchdog), timeout.toMillis(), TimeUnit.MILLISECONDS);
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
        }
        if (output.overflowed()) {
            problems.add("printed " + String.format("%,d", output.total()) + " bytes; output past " + String.format("%,d", outputLimit) + " bytes was dropped");
        }
        return problems;
    }

    private static void stop(JShell shell, AtomicBoolean timedOut, ScheduledExecutorService watchdog) {
        timedOut.set(true);
        try {
            shell.stop();
        } catch (RuntimeException ignored) {
            // stopping is best effort; closing below kills the JVM for sure
        }
        watchdog.schedule(() -> {
            try {
                shell.close();
            } catch (RuntimeException ignored) {
                // already closed
            }
        }, 3, TimeUnit.SECONDS);
    }
}
