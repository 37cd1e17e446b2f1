package layerwise.kernel.grader;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;

/** Keeps the first bytes a notebook prints and counts the rest, so megabytes of output cost no memory. */
final class CappedStream extends OutputStream {
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final long limit;
    private long total;

    CappedStream(long limit) {
        this.limit = limit;
    }

    @Override
    public synchronized void write(int b) {
        if (total++ < limit) kept.write(b);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        long room = Math.max(0, Math.min(len, limit - total));
        kept.write(b, off, (int) room);
        total += len;
    }

    synchronized long total() { return total; }

    synchronized boolean overflowed() { return total > limit; }

    synchronized String kept() { return kept.toString(java.nio.charset.StandardCharsets.UTF_8); }
}
