package layerwise.exercise;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/**
 * A teacher-written question with a fixed answer. The answer is kept only as salted SHA-256 hashes
 * ("salt:hash") of its accepted wordings, so the student's copy does not contain it. Make a hash with
 * {@link Exercises#hashAnswer(String)}.
 */
public final class FixedExercise extends Exercise {
    private final List<String> hashes;
    private final double max;
    private final String known;

    FixedExercise(String id, String prompt, List<String> hashes, String hint, double max) { this(id, prompt, hashes, hint, max, ""); }

    /** @param known the answer in words, where the teacher's copy has it ("" when only the hashes are known) */
    FixedExercise(String id, String prompt, List<String> hashes, String hint, double max, String known) {
        super(id, prompt, "", hint.isEmpty() ? List.of() : List.of(hint));
        this.hashes = List.copyOf(hashes);
        this.max = max;
        this.known = known;
    }

    @Override public double max() { return max; }

    @Override String solution() { return ""; }

    @Override String modelAnswer() { return known; }

    @Override
    public Feedback grade(String answer) {
        Answer a = new Answer(answer);
        if (a.isBlank()) return noAnswer();
        for (String h : hashes) {
            int colon = h.indexOf(':');
            if (colon > 0 && h.substring(colon + 1).equals(digest(h.substring(0, colon), key(answer)))) {
                return scored(answer, max, List.of());
            }
        }
        return scored(answer, 0, List.of("that is not the answer the teacher expects; ask for a hint"));
    }

    static String hash(String answer) {
        byte[] salt = new byte[8];
        new SecureRandom().nextBytes(salt);
        String s = HexFormat.of().formatHex(salt);
        return s + ":" + digest(s, key(answer));
    }

    /** The wording that is hashed: lower case, no punctuation, no leading article ("The batch size!" → "batch size"). */
    static String key(String answer) {
        return new Answer(answer).words().replaceFirst("^(the|a|an) ", "");
    }

    private static String digest(String salt, String words) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest((salt + "\n" + words).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
