package layerwise.ndarray.kernels;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * The helper threads behind {@link Parallel}. A job is posted where every helper looks; whoever is
 * free takes its next task. After a job a helper keeps looking for the next one for 100 µs before it
 * parks: a training step of a small model posts a job every few tens of microseconds, and waking a
 * parked thread takes 20–30 µs, as long as many of those jobs. After its first 10 µs of looking, a
 * helper yields the core between looks: the JIT compiler and the GC run on the same few cores, and a
 * helper that only spins would hold one of them away from the compiler just when a new model's kernels
 * wait to be compiled (on 2 cores, main thread + spinning helper leave it nothing).
 */
final class Helpers {
    private static final long SPIN_NANOS = 100_000, BUSY_SPIN_NANOS = 10_000;
    private static final AtomicLong IDS = new AtomicLong();

    private final AtomicReference<Job> posted = new AtomicReference<>();
    private final Worker[] workers;

    Helpers(int count) {
        workers = new Worker[count];
        for (int i = 0; i < count; i++) {
            workers[i] = new Worker();
            workers[i].setDaemon(true);
            workers[i].start();
        }
    }

    /** Runs every task of the job, here and on the helpers, and returns when all have finished. */
    void run(Job job) {
        posted.set(job);
        for (Worker w : workers) {
            if (w.parked) LockSupport.unpark(w);
        }
        job.work();
        posted.compareAndSet(job, null); // every task is taken: let go of the job's arrays
        job.awaitAll();
    }

    private final class Worker extends Thread {
        volatile boolean parked;

        Worker() { super("layerwise-kernel"); }

        @Override
        public void run() {
            Parallel.markInside();
            long lastId = -1, idleSince = System.nanoTime();
            while (true) {
                Job job = posted.get();
                if (job != null && job.id != lastId) {
                    lastId = job.id;
                    job.work();
                    idleSince = System.nanoTime();
                } else if (System.nanoTime() - idleSince < BUSY_SPIN_NANOS) {
                    Thread.onSpinWait();
                } else if (System.nanoTime() - idleSince < SPIN_NANOS) {
                    Thread.yield();
                } else {
                    parked = true;
                    job = posted.get();
                    if (job == null || job.id == lastId) LockSupport.park(this);
                    parked = false;
                    idleSince = System.nanoTime();
                }
            }
        }
    }

    /** One forEach call: its tasks are taken in order by whoever is free; the caller waits until all have finished. */
    static final class Job {
        final long id = IDS.incrementAndGet();
        private final int count;
        private final IntConsumer body;
        private final AtomicInteger next = new AtomicInteger(), finished = new AtomicInteger();
        private final Thread caller = Thread.currentThread();
        private volatile Throwable failure;

        Job(int count, IntConsumer body) {
            this.count = count;
            this.body = body;
        }

        void work() {
            for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                try {
                    if (failure == null) body.accept(i);
                } catch (Throwable t) {
                    if (failure == null) failure = t;
                } finally {
                    if (finished.incrementAndGet() == count) LockSupport.unpark(caller);
                }
            }
        }

        /** Spins briefly (the last tasks are usually about to end), then parks until the last task unparks it. */
        void awaitAll() {
            boolean interrupted = false;
            for (int spins = 0; finished.get() < count; spins++) {
                if (spins < 2000) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                    interrupted |= Thread.interrupted();
                }
            }
            if (failure instanceof RuntimeException r) throw r;
            if (failure instanceof Error e) throw e;
            if (failure != null) throw new IllegalStateException(failure);
            if (interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a kernel task");
            }
        }
    }
}
