/**
 * Formulas that compute and print themselves. An {@code Expr} is one piece of arithmetic, a
 * {@code Derivation} is a layer's list of them, and an {@code Explanation} prints a model's
 * derivations as text, Markdown with LaTeX, or HTML.
 */
package layerwise.explain;
