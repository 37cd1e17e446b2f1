package layerwise.ndarray.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The task runner: every task runs exactly once, failures reach the caller, nested work stays on its thread. */
class ParallelTest {
    @Test
    void everyTaskRunsExactlyOnceInManySmallJobs() {
        int[] runs = new int[1000];
        for (int job = 0; job < 200; job++) Parallel.forEach(runs.length, i -> runs[i]++);
        int[] expected = new int[runs.length];
        java.util.Arrays.fill(expected, 200);
        assertArrayEquals(expected, runs);
    }

    @Test
    void aTaskThatThrowsReachesTheCaller() {
        IllegalArgumentException thrown = new IllegalArgumentException("task 7");
        IllegalArgumentException caught = assertThrows(IllegalArgumentException.class, () -> Parallel.forEach(64, i -> {
            if (i == 7) throw thrown;
        }));
        assertSame(thrown, caught);
    }

    @Test
    void theRunnerWorksOnAfterAFailure() {
        assertThrows(IllegalStateException.class, () -> Parallel.forEach(16, i -> {
            throw new IllegalStateException("broken");
        }));
        AtomicInteger ran = new AtomicInteger();
        Parallel.forEach(16, i -> ran.incrementAndGet());
        assertEquals(16, ran.get());
    }

    @Test
    void workInsideATaskRunsOnThatTasksThread() {
        Thread[][] inner = new Thread[8][8];
        Thread[] outer = new Thread[8];
        Parallel.forEach(8, i -> {
            outer[i] = Thread.currentThread();
            Parallel.forEach(8, j -> inner[i][j] = Thread.currentThread());
        });
        for (int i = 0; i < 8; i++) {
            for (int j = 0; j < 8; j++) assertSame(outer[i], inner[i][j], "task " + i + ", inner task " + j);
        }
    }

    @Test
    void twoCallersAtOnceEachGetAllTheirTasksDone() throws InterruptedException {
        int[] a = new int[5000], b = new int[5000];
        Thread other = new Thread(() -> {
            for (int r = 0; r < 50; r++) Parallel.forEach(b.length, i -> b[i]++);
        });
        other.start();
        for (int r = 0; r < 50; r++) Parallel.forEach(a.length, i -> a[i]++);
        other.join();
        for (int i = 0; i < a.length; i++) {
            assertEquals(50, a[i], "a[" + i + "]");
            assertEquals(50, b[i], "b[" + i + "]");
        }
    }
}
