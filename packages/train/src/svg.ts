import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";

// Charts as SVG strings, drawn without a browser: Observable Plot renders into linkedom's DOM.
// The same figure functions serve the CLI, which writes them to files, and the lessons, which
// show them on the page; currentColor axes on a transparent background follow dark mode.

/** A chart as an SVG string with the text alternative that describes it. */
export interface Figure {
  svg: string;
  alt: string;
}

type PlotDocument = NonNullable<Plot.PlotOptions["document"]>;
let document: PlotDocument | undefined;

/** Draws an Observable Plot chart as a {@link Figure}. */
export function chart(options: Plot.PlotOptions, alt: string): Figure {
  document ??= parseHTML("<!doctype html><html><body></body></html>").document as unknown as PlotDocument;
  const node = Plot.plot({
    ...options,
    document,
    ariaLabel: alt,
    style: { background: "transparent", color: "currentColor", fontSize: "12px" },
  });
  // A legend wraps the chart in a <figure>: keep the SVG, which carries the chart.
  const svg = node.tagName.toLowerCase() === "svg" ? node : node.querySelector("svg")!;
  const title = document.createElement("title");
  title.textContent = alt;
  svg.insertBefore(title, svg.firstChild);
  // Plot paints halos in --plot-background; a page may set --figure-background per colour scheme.
  const text = svg.outerHTML.replace("--plot-background: white", "--plot-background: var(--figure-background, white)");
  return { svg: text.includes("xmlns=") ? text : text.replace("<svg", '<svg xmlns="http://www.w3.org/2000/svg"'), alt };
}
