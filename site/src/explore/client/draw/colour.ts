// The explorer's colour scale: the lessons' decision boundaries' (@gradbook/figure's two-class scale).
import { twoClassColour as colourOf } from "@gradbook/figure";
import { SHADES, shadeOf } from "../protocol.ts";

export { colourOf };

export { TWO_CLASS_GRADIENT as GRADIENT, TWO_CLASS_INK as INK } from "@gradbook/figure";

/** The scale at its steps of [0, 1], as RGBA words: a picture's pixel is one lookup, no allocation. */
const TABLE = (() => {
  const bytes = new Uint8ClampedArray(4 * SHADES);
  for (let k = 0; k < SHADES; k++) bytes.set([...colourOf(k / (SHADES - 1)), 255], 4 * k);
  return new Uint32Array(bytes.buffer);
})();

/** Each canvas's image, kept between frames (a new one each frame was most of a frame's garbage). */
const images = new WeakMap<HTMLCanvasElement, { image: ImageData; words: Uint32Array }>();

/** Paints `values` (row by row from the bottom, n × n), each mapped to [0, 1] by `scale`, into `canvas`. */
export function paint(
  canvas: HTMLCanvasElement,
  values: ArrayLike<number>,
  n: number,
  scale: (v: number) => number,
): void {
  const shades = new Uint16Array(n * n);
  for (let k = 0; k < n * n; k++) shades[k] = shadeOf(scale(values[k]!));
  paintShades(canvas, shades, 0, n);
}

/** Paints the n × n shades (steps of the scale, rows from the bottom) from `offset` in `shades` into `canvas`. */
export function paintShades(
  canvas: HTMLCanvasElement,
  shades: Uint16Array,
  offset: number,
  n: number,
): void {
  if (canvas.width !== n) canvas.width = n; // setting a size clears and reallocates: only when it changes
  if (canvas.height !== n) canvas.height = n;
  const context = canvas.getContext("2d")!;
  let kept = images.get(canvas);
  if (kept?.image.width !== n) {
    const image = context.createImageData(n, n);
    kept = { image, words: new Uint32Array(image.data.buffer) };
    images.set(canvas, kept);
  }
  const { image, words } = kept;
  for (let r = 0; r < n; r++) {
    const row = (n - 1 - r) * n; // the canvas's rows go down, the plane's up
    for (let c = 0; c < n; c++) words[row + c] = TABLE[shades[offset + r * n + c]!]!;
  }
  context.putImageData(image, 0, 0);
}
