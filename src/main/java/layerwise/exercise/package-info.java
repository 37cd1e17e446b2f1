/**
 * Classroom exercises about shapes and parameter counts that check themselves. A teacher writes a
 * sheet as a JSON file ({@code SheetFile}, or {@code SheetBuilder} from Java); its {@code Exercises}
 * are varied per student, and each {@code Exercise} reads the answer the way students write it and
 * returns {@code Feedback} that says what was wrong, with the worked formula taken from the layer's own
 * derivation. {@code Grading} scores the answers a notebook handed in, from the grader's own copy.
 */
package layerwise.exercise;
