/**
 * Pictures and tables of training: a {@code History} as an XChart line chart (saveable as PNG or
 * SVG, shown by the notebook kernel) and as a Tablesaw table with one row per epoch. The only
 * package that imports XChart and Tablesaw.
 */
package layerwise.chart;
