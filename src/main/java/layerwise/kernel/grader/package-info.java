/**
 * Runs a student's notebook for grading: its code cells go to JShell in a separate, fresh JVM, and
 * only the answers the notebook checked come back, as plain text. Time limits, System.exit, errors and
 * floods of output end or mark that one run, never the grader.
 */
package layerwise.kernel.grader;
