/**
 * Pictures and tables of what Layerwise computes: a {@code History} as an XChart line chart (saveable
 * as PNG or SVG, shown by the notebook kernel), a History or a model summary as a Tablesaw table, and
 * the grades of several notebooks as one table. The only package that imports XChart and Tablesaw.
 */
package layerwise.chart;
