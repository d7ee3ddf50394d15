import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";

// Charts as SVG strings, drawn without a browser: Observable Plot renders into linkedom's DOM.
// One module for every figure of the project: the lessons show them on the page, the site
// inlines them, the CLI writes them to files. currentColor axes on a transparent background
// follow light and dark mode.

/** A figure: an SVG and the text alternative that describes it. */
export interface Figure {
  svg: string;
  alt: string;
}

type PlotDocument = NonNullable<Plot.PlotOptions["document"]>;
let document: PlotDocument | undefined;

/**
 * Draws an Observable Plot chart as a figure; `options.style` adds to (or overrides) the
 * transparent, currentColor defaults.
 * @example show(plot({ marks: [Plot.lineY([1, 4, 9])] }, "a parabola rising from 1 to 9"))
 */
export function plot(options: Plot.PlotOptions, alt: string): Figure {
  document ??= parseHTML("<!doctype html><html><body></body></html>")
    .document as unknown as PlotDocument;
  const chart = Plot.plot({
    ...options,
    document,
    ariaLabel: alt,
    style: {
      background: "transparent",
      color: "currentColor",
      fontSize: "12px",
      ...(options.style as object),
    },
  });
  // A legend or caption wraps the chart's SVG in a <figure>. Legends are HTML (swatches), which a
  // figure cannot carry: refuse them with a way out rather than return a swatch for the chart.
  const svg = chart.tagName.toLowerCase() === "svg" ? chart : chart.querySelector(":scope > svg")!;
  if (
    svg !== chart &&
    chart.querySelector("[class$=-swatches], [class*=-swatches-], :scope > div")
  ) {
    throw new Error(
      "plot: a figure is one SVG and Plot draws legends as HTML: label the marks directly (Plot.text at the line ends) instead of legend: true",
    );
  }
  if (!svg.querySelector(":scope > title")) {
    const title = document.createElement("title");
    title.textContent = alt;
    svg.insertBefore(title, svg.firstChild);
  }
  // Plot paints halos in --plot-background; the site sets --figure-background per colour scheme.
  const text = svg.outerHTML.replace(
    "--plot-background: white",
    "--plot-background: var(--figure-background, white)",
  );
  // A file on its own (the CLI's) is an SVG image only with the namespace; inline, it is harmless.
  return {
    svg: text.includes("xmlns=")
      ? text
      : text.replace("<svg", '<svg xmlns="http://www.w3.org/2000/svg"'),
    alt,
  };
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

export { Plot };
