import type { Figure } from "@gradbook/figure";
import { PIXELS, SIDE } from "./digits.ts";

/** One 28 × 28 picture: its {@link PIXELS} values row by row, and the caption under it. */
export interface Picture {
  pixels: ArrayLike<number>;
  caption: string;
}

/** The settings of {@link pictures}. */
export interface PicturesOptions {
  /** Pictures per row. @default 8 */
  columns?: number;
  /**
   * Values with a sign (a neuron's weights): positive ones drawn in one colour, negative ones in
   * another, each picture scaled to its own largest |value|. Otherwise values are grey levels in
   * [0, 1], drawn as ink in the text's colour. @default false
   */
  signed?: boolean;
  /** Screen pixels per digit pixel. @default 3 */
  scale?: number;
}

/** Shades of ink: a value is drawn at the nearest of these opacities, so a row of equal shades is one rectangle. */
const SHADES = 8;
const CAPTION = 16;
const GAP = 8;
const POSITIVE = "#2f6fde";
const NEGATIVE = "#e0542c";

/**
 * Digits (or first-layer weights) as small pictures with captions, one SVG. Drawn as one path per
 * shade, a rectangle per run of that shade along a row, in `currentColor` on a transparent background, so the
 * pictures follow the page's light or dark mode.
 *
 * @example
 * pictures(worst.map((i) => ({ pixels: testInputs.subarray(i * 784, (i + 1) * 784), caption: `7 as 2` })), "…");
 */
export function pictures(
  items: readonly Picture[],
  alt: string,
  opts: PicturesOptions = {},
): Figure {
  const { columns = 8, signed = false, scale = 3 } = opts;
  if (items.length === 0) throw new RangeError("pictures: expected at least one picture");
  const bad = items.findIndex((item) => item.pixels.length !== PIXELS);
  if (bad >= 0)
    throw new RangeError(
      `pictures: expected ${PIXELS} values per picture, got ${items[bad]!.pixels.length} in picture ${bad}`,
    );
  const side = SIDE * scale;
  const cols = Math.min(columns, items.length);
  const rows = Math.ceil(items.length / columns);
  const width = cols * side + (cols - 1) * GAP;
  const height = rows * (side + CAPTION) + (rows - 1) * GAP;
  const parts = items.map((item, i) => {
    const x = (i % columns) * (side + GAP);
    const y = Math.floor(i / columns) * (side + CAPTION + GAP);
    return `<g transform="translate(${x},${y})">${frame(side)}${ink(item.pixels, signed, scale)}<text x="${side / 2}" y="${side + 12}" text-anchor="middle">${escape(item.caption)}</text></g>`;
  });
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escape(alt)}" ` +
    `style="font: 11px system-ui, sans-serif; fill: currentColor"><title>${escape(alt)}</title>${parts.join("")}</svg>`;
  return { svg, alt };
}

/** A thin frame around the 28 × 28 square, so a blank margin reads as part of the picture. */
function frame(side: number): string {
  return `<rect width="${side}" height="${side}" fill="none" stroke="currentColor" stroke-opacity="0.25"/>`;
}

/**
 * The picture's ink: one path per shade (and sign), made of one rectangle per run of that shade
 * along a row. A path per shade, not an element per run, keeps a page of pictures small.
 */
function ink(pixels: ArrayLike<number>, signed: boolean, scale: number): string {
  let top = 0;
  for (let p = 0; p < PIXELS; p++) top = Math.max(top, Math.abs(pixels[p]!));
  const range = signed ? top || 1 : 1;
  const shade = (v: number) =>
    Math.min(SHADES, Math.round((Math.abs(v) / range) * SHADES)) * Math.sign(v);
  const runs = new Map<number, string[]>(); // shade → its rectangles, as path commands
  for (let row = 0; row < SIDE; row++) {
    for (let col = 0; col < SIDE; ) {
      const s = shade(pixels[row * SIDE + col]!);
      let end = col + 1;
      while (end < SIDE && shade(pixels[row * SIDE + end]!) === s) end++;
      if (s !== 0) {
        const w = (end - col) * scale;
        const rect = `M${col * scale} ${row * scale}h${w}v${scale}h${-w}z`;
        const same = runs.get(s);
        if (same) same.push(rect);
        else runs.set(s, [rect]);
      }
      col = end;
    }
  }
  return [...runs]
    .sort(([a], [b]) => b - a)
    .map(([s, d]) => {
      const fill = signed ? (s > 0 ? POSITIVE : NEGATIVE) : "currentColor";
      return `<path fill="${fill}" fill-opacity="${(Math.abs(s) / SHADES).toFixed(3)}" d="${d.join("")}"/>`;
    })
    .join("");
}

function escape(text: string): string {
  return text.replace(
    /[&<>"]/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!,
  );
}
