package layerwise.exercise;

/**
 * A wrong answer that a known misunderstanding produces, worked out by the library itself (the same
 * layer derived with 'same' instead of 'valid', or with stride 1), and what to tell the student who gives it.
 */
public record Mistake<T>(T value, String message) {}
