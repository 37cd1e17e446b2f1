/**
 * Classroom exercises about shapes and parameter counts that check themselves. An {@code Exercises}
 * set is built from a model (or a named sheet, varied per student); each {@code Exercise} reads the
 * answer the way students write it and returns {@code Feedback} that says what was wrong, with the
 * worked formula taken from the layer's own derivation. {@code Grading} scores recorded answers.
 */
package layerwise.exercise;
