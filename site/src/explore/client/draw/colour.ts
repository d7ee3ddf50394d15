// The explorer's colour scale: the lessons' decision boundaries' (@gradbook/figure's two-class scale).
import { twoClassColour as colourOf } from "@gradbook/figure";

export { colourOf };

export { TWO_CLASS_GRADIENT as GRADIENT, TWO_CLASS_INK as INK } from "@gradbook/figure";

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
