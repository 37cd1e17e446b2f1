/**
 * Runs a student's notebook for grading: its code cells are compiled by JShell in the grader's JVM and
 * run in a fresh JVM of their own, in a temporary folder holding only the notebook's copy (read-only
 * everywhere else where Linux allows it). Only the answers the notebook checked come back, on a stream
 * of the grader's own connection. Time limits, System.exit, errors and floods of output end or mark that
 * one run, never the grader.
 */
package layerwise.kernel.grader;
