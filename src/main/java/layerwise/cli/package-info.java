/**
 * The {@code ./layerwise} command line: tour, summary, explain and the other commands. Command names and
 * flags are a contract checked from outside; add to them, never rename.
 */
package layerwise.cli;
