package layerwise.exercise;

import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Random;

/** The random numbers of a student's variant: the same sheet and id give the same numbers on any machine. */
final class Seeding {
    private Seeding() {}

    static Random random(String sheet, String studentId) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest((sheet + "\n" + studentId.trim()).getBytes(StandardCharsets.UTF_8));
            return new Random(ByteBuffer.wrap(h).getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The number at the end of an id ("s07" → 7), for classes numbered in order; empty for other ids. */
    static java.util.OptionalLong number(String studentId) {
        var m = java.util.regex.Pattern.compile("(\\d{1,15})$").matcher(studentId.trim());
        return m.find() ? java.util.OptionalLong.of(Long.parseLong(m.group(1))) : java.util.OptionalLong.empty();
    }

    /**
     * For numbered ids: the k-th number of student n is the fractional part of n·φ + k·√2 + salt, so
     * that students n and n + 1 are always 0.382 or 0.618 apart in every draw, and neighbours in a
     * numbered class never get the same sizes. Other ids draw from their seeded random numbers.
     */
    static java.util.function.DoubleSupplier spread(String sheet, String studentId) {
        java.util.OptionalLong n = number(studentId);
        if (n.isEmpty()) return random(sheet, studentId)::nextDouble;
        double salt = random(sheet, "").nextDouble(), golden = (Math.sqrt(5) - 1) / 2;
        int[] k = {0};
        return () -> {
            double x = n.getAsLong() * golden + (k[0]++) * Math.sqrt(2) + salt;
            return x - Math.floor(x);
        };
    }

    /** The index of a student's choice among {@code options} values (0 is the teacher's): neighbours in a numbered class differ. */
    static int choice(String sheet, String key, String studentId, int options) {
        if (studentId.isEmpty() || options == 1) return 0;
        java.util.OptionalLong n = number(studentId);
        if (n.isEmpty()) return 1 + random(sheet + "/" + key, studentId).nextInt(options - 1);
        return 1 + (int) Math.floorMod(n.getAsLong() + key.hashCode(), (long) (options - 1));
    }

    static <T> T pick(Random r, List<T> options) { return options.get(r.nextInt(options.size())); }

    static int pick(Random r, int... options) { return options[r.nextInt(options.length)]; }
}
