export { type Corner, type Figure, legend, Plot, plot } from "./plot.ts";
export {
  type Axis,
  bars,
  type BarsOptions,
  type Bin,
  binned,
  histograms,
  type HistogramsOptions,
  lines,
  type LinesOptions,
} from "./charts.ts";
export { graph } from "./graph.ts";
export { TWO_CLASS_GRADIENT, TWO_CLASS_INK, twoClassColour } from "./two-classes.ts";
