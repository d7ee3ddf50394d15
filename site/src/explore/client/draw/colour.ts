// The explorer's colour scale, as the lessons' decision boundaries: blue towards 0, red towards 1,
// light in between, light enough in both colour schemes for dark ink on top.

const LOW = [103, 169, 207]; // class 0
const MID = [247, 247, 247];
const HIGH = [239, 138, 98]; // class 1

/** The colour of t ∈ [0, 1] (clamped) as [r, g, b]. */
export function colourOf(t: number): [number, number, number] {
  const u = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0.5));
  const [a, b, s] = u < 0.5 ? [LOW, MID, u * 2] : [MID, HIGH, u * 2 - 1];
  return [0, 1, 2].map((k) => Math.round(a[k]! + (b[k]! - a[k]!) * s)) as [number, number, number];
}

/** The same scale as a CSS gradient, left to right from 0 to 1. */
export const GRADIENT = `linear-gradient(to right, rgb(${LOW}), rgb(${MID}), rgb(${HIGH}))`;

/** Ink for lines and points on the scale: dark on its light colours in both schemes. */
export const INK = "#1f2328";

/** Paints `values` (row by row from the bottom, n × n), each mapped to [0, 1] by `scale`, into `canvas`. */
export function paint(canvas: HTMLCanvasElement, values: ArrayLike<number>, n: number, scale: (v: number) => number): void {
  if (canvas.width !== n) canvas.width = n; // setting a size clears and reallocates: only when it changes
  if (canvas.height !== n) canvas.height = n;
  const context = canvas.getContext("2d")!;
  const image = context.createImageData(n, n);
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      const [red, green, blue] = colourOf(scale(values[r * n + c]!));
      const at = ((n - 1 - r) * n + c) * 4; // the canvas's rows go down, the plane's up
      image.data.set([red, green, blue, 255], at);
    }
  }
  context.putImageData(image, 0, 0);
}
