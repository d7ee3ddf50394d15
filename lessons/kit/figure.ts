import * as Plot from "@observablehq/plot";
import { instance as vizInstance, type Viz } from "@viz-js/viz";
import { parseHTML } from "linkedom";

// Figures for lessons, drawn at build time as SVG strings that follow light and dark mode:
// Plot charts with currentColor axes on a transparent background, and Graphviz diagrams whose
// black strokes and white fills become currentColor and none.

/** A figure a lesson shows: an SVG and the text alternative that describes it. */
export interface Figure {
  svg: string;
  alt: string;
}

const { document } = parseHTML("<!doctype html><html><body></body></html>");

/**
 * Draws an Observable Plot chart as a figure.
 * @example show(plot({ marks: [Plot.lineY([1, 4, 9])] }, "a parabola rising from 1 to 9"))
 */
export function plot(options: Plot.PlotOptions, alt: string): Figure {
  const chart = Plot.plot({
    ...options,
    document: document as unknown as NonNullable<Plot.PlotOptions["document"]>,
    ariaLabel: alt,
    style: { background: "transparent", color: "currentColor", fontSize: "12px", ...(options.style as object) },
  });
  // A legend or caption wraps the chart's SVG in a <figure>. Legends are HTML (swatches), which a
  // figure cannot carry: refuse them with a way out rather than return a swatch for the chart.
  const svg = chart.tagName.toLowerCase() === "svg" ? chart : chart.querySelector(":scope > svg")!;
  if (svg !== chart && chart.querySelector("[class$=-swatches], [class*=-swatches-], :scope > div")) {
    throw new Error("plot: a figure is one SVG and Plot draws legends as HTML: label the marks directly (Plot.text at the line ends) instead of legend: true");
  }
  if (!svg.querySelector(":scope > title")) {
    const title = document.createElement("title");
    title.textContent = alt;
    svg.insertBefore(title, svg.firstChild);
  }
  // Plot paints halos in --plot-background; the site sets --figure-background per colour scheme.
  return { svg: svg.outerHTML.replace("--plot-background: white", "--plot-background: var(--figure-background, white)"), alt };
}

/** A corner of a chart's frame. */
export type Corner = "top-left" | "top-right" | "bottom-left" | "bottom-right";

/**
 * A legend drawn as marks: each name in its colour on the chart's color scale, stacked in a
 * corner of the frame. (Plot's own legends are HTML, which a figure cannot carry.)
 * @example plot({ marks: [Plot.lineY(rows, { y: "loss", stroke: "run" }), ...legend(["a", "b"], "top-right")] }, alt)
 */
export function legend(names: readonly string[], corner: Corner): Plot.Markish[] {
  const left = corner.endsWith("left");
  const top = corner.startsWith("top");
  return names.map((name, i) =>
    Plot.text([name], {
      text: (d: string) => d,
      fill: (d: string) => d,
      frameAnchor: corner,
      textAnchor: left ? "start" : "end",
      dx: left ? 12 : -4,
      // Line i of the stack, counted from the corner's edge: the first name on top either way.
      dy: top ? 6 + 16 * i : -6 - 16 * (names.length - 1 - i),
    }),
  );
}

let viz: Promise<Viz> | undefined;

/**
 * Renders a Graphviz DOT graph as a figure. Give each graph on a page its own `id`
 * (Graphviz names its SVG elements after it).
 */
export async function graph(dot: string, alt: string): Promise<Figure> {
  viz ??= vizInstance();
  const svg = (await viz)
    .renderString(dot, { format: "svg" })
    .replace(/^[\s\S]*?(?=<svg)/, "") // drop the XML prolog and doctype
    .replace(/<svg /, `<svg role="img" aria-label="${escapeAttr(alt)}" `)
    .replaceAll('fill="white"', 'fill="none"')
    .replaceAll('stroke="black"', 'stroke="currentColor"')
    .replaceAll('fill="black"', 'fill="currentColor"')
    .replace(/(<text\b(?![^>]*\bfill=))/g, '$1 fill="currentColor"');
  return { svg, alt };
}

function escapeAttr(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;");
}

export { Plot };
