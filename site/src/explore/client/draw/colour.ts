// The explorer's colour scale: the lessons' decision boundaries' (@gradbook/figure's two-class scale).
import { twoClassColour as colourOf } from "@gradbook/figure";

export { colourOf };

export { TWO_CLASS_GRADIENT as GRADIENT, TWO_CLASS_INK as INK } from "@gradbook/figure";

/** The scale at 1,024 steps of [0, 1], as RGBA words: a picture's pixel is one lookup, no allocation. */
const STEPS = 1024;
const TABLE = (() => {
  const bytes = new Uint8ClampedArray(4 * STEPS);
  for (let k = 0; k < STEPS; k++) bytes.set([...colourOf(k / (STEPS - 1)), 255], 4 * k);
  return new Uint32Array(bytes.buffer);
})();
const MIDDLE = TABLE[(STEPS - 1) >> 1]!;

/** Each canvas's image, kept between frames (a new one each frame was most of a frame's garbage). */
const images = new WeakMap<HTMLCanvasElement, { image: ImageData; words: Uint32Array }>();

/** Paints `values` (row by row from the bottom, n × n), each mapped to [0, 1] by `scale`, into `canvas`. */
export function paint(
  canvas: HTMLCanvasElement,
  values: ArrayLike<number>,
  n: number,
  scale: (v: number) => number,
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
    for (let c = 0; c < n; c++) {
      const t = scale(values[r * n + c]!);
      // Clamped to [0, 1]; not finite is the middle, as colourOf has it.
      words[row + c] = Number.isFinite(t)
        ? TABLE[Math.round(Math.min(1, Math.max(0, t)) * (STEPS - 1))]!
        : MIDDLE;
    }
  }
  context.putImageData(image, 0, 0);
}
