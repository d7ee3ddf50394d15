export { type Corner, type Figure, legend, Plot, plot } from "./plot.ts";
export { graph } from "./graph.ts";
