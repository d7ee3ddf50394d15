import type { Viz } from "@viz-js/viz";
import type { Figure } from "./plot.ts";

let viz: Promise<Viz> | undefined;

/**
 * Renders a Graphviz DOT graph as a figure whose black strokes and white fills become
 * currentColor and none, so it follows light and dark mode. Give each graph on a page its own
 * `id` (Graphviz names its SVG elements after it).
 */
export async function graph(dot: string, alt: string): Promise<Figure> {
  // Loaded on first use: Graphviz is a large WebAssembly module that charts never need.
  viz ??= import("@viz-js/viz").then((module) => module.instance());
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
