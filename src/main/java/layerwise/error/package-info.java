/**
 * The errors a learner can see. Each one says where it happened, what was expected, what was got,
 * why, and how to fix it, so that a wrong model teaches instead of just failing.
 */
package layerwise.error;
