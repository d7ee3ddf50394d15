import type { Figure } from "@gradbook/lessons/kit";
import { accessibleSvg } from "../client/svg.ts";
import { compactSvg } from "./compact-svg.ts";
import { escapeHtml } from "./escape.ts";

// A lesson's figure on the page: the SVG inline (so CSS variables and dark mode reach it), its
// coordinates rounded to what a screen shows, with its text alternative as the caption. A figure fits the text column; one so wide that fitting
// would shrink its text below 60% (a long left-to-right graph) keeps 60% and scrolls instead.

/** The text column's width in CSS pixels (72ch of site.css, about). */
const COLUMN = 720;
const MIN_SCALE = 0.6;

/** The SVG's natural width in CSS pixels, from its width attribute (Graphviz writes points). */
export function naturalWidth(svg: string): number | undefined {
  const match = /^\s*<svg\b[^>]*?\swidth="([\d.]+)(pt|px)?"/.exec(svg);
  if (!match) return undefined;
  return Number(match[1]) * (match[2] === "pt" ? 4 / 3 : 1);
}

/** A figure's HTML: `<figure>` with the SVG and a caption. */
export function figureHtml(figure: Figure): string {
  let svg = compactSvg(accessibleSvg(figure.svg, figure.alt));
  const caption = `<figcaption>${escapeHtml(figure.alt)}</figcaption>`;
  const width = naturalWidth(svg);
  if (width && width * MIN_SCALE > COLUMN) {
    svg = svg.replace(
      /^\s*<svg\b/,
      `<svg style="width:${Math.round(width * MIN_SCALE)}px;max-width:none;height:auto"`,
    );
    // Focusable, so keyboard readers can scroll it too.
    return `<figure class="lesson-figure wide"><div class="figure-scroll" tabindex="0">${svg}</div>${caption}</figure>\n`;
  }
  return `<figure class="lesson-figure">${svg}${caption}</figure>\n`;
}
