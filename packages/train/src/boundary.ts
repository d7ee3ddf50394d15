import { type Figure, Plot, plot, TWO_CLASS_INK as INK, twoClassColour } from "@gradbook/figure";
import { type Dataset, extentOf } from "./datasets.ts";

/**
 * Something that maps a 2-D point to one number: a function, or a model whose `forward` returns
 * one output (an `MLP`, whose outputs are Values, or a `PlainMLP`, whose outputs are numbers).
 */
export type Predictor =
  | ((x: number[]) => number)
  | { forward(x: number[]): ArrayLike<number | { data: number }> };

/** Options of {@link decisionBoundary}. */
export interface BoundaryOptions {
  /** The output at which the predicted class changes. @default 0.5 */
  threshold?: number;
  /** Grid points per side at which the model is evaluated. @default 41 */
  resolution?: number;
  /** The input plane shown, `[[x0, x1], [y0, y1]]`. @default the data's extent, widened by a quarter on each side */
  extent?: [[number, number], [number, number]];
}

/** The output of a predictor at x, as a number. */
export function predictWith(predictor: Predictor): (x: number[]) => number {
  if (typeof predictor === "function") return predictor;
  return (x) => {
    const y = predictor.forward(x)[0]!;
    return typeof y === "number" ? y : y.data;
  };
}

/**
 * The decision boundary of a 2-input model: its output over the input plane as filled contours
 * (one colour per side of the threshold, deeper towards the targets), the threshold's contour as
 * a line, and the data: hollow circles for target 0 (or below the threshold), filled for 1.
 */
export function decisionBoundary(
  model: Predictor,
  data: Dataset,
  opts: BoundaryOptions = {},
): Figure {
  const { threshold = 0.5, resolution = 41 } = opts;
  if (!Number.isInteger(resolution) || resolution < 2) {
    throw new RangeError(
      `decisionBoundary: expected a resolution that is an integer ≥ 2, got ${resolution}`,
    );
  }
  if (data.x.some((p) => p.length !== 2))
    throw new RangeError(
      `decisionBoundary: expected 2-D points, got a point of ${data.x.find((p) => p.length !== 2)!.length}`,
    );
  const [[x0, x1], [y0, y1]] = opts.extent ?? extentOf(data);
  const predict = predictWith(model);
  // The model at the grid's points, row by row from y0: the contour mark's layout.
  const values: number[] = [];
  for (let r = 0; r < resolution; r++) {
    for (let c = 0; c < resolution; c++) {
      values.push(
        predict([x0 + ((x1 - x0) * c) / (resolution - 1), y0 + ((y1 - y0) * r) / (resolution - 1)]),
      );
    }
  }
  if (values.some((v) => !Number.isFinite(v)))
    throw new RangeError(
      "decisionBoundary: the model's output is not finite somewhere on the plane",
    );
  // Colour deepens towards the targets and saturates there: bands a quarter of the way from the
  // threshold to the farthest target, the threshold one of their edges. Raising the lowest values
  // to the lowest edge makes its band the whole plane; the highest band holds everything above.
  const span = Math.max(...data.y.map((t) => Math.abs(t - threshold)), 1e-9);
  const bands = Array.from({ length: 9 }, (_, k) => threshold + (span * (k - 4)) / 4);
  const raised = values.map((v) => Math.max(v, bands[0]!));
  const grid = { width: resolution, height: resolution, x1: x0, x2: x1, y1: y0, y2: y1 };
  const points = data.x.map((p, i) => ({ x: p[0]!, y: p[1]!, above: data.y[i]! > threshold }));
  const alt = `Decision boundary of a model on ${data.name}: the model's output over the plane, the line where it crosses ${threshold}, and ${data.x.length} data points. A key above the plane gives the output each colour stands for.`;
  // The colour key, in the top margin: one swatch per band, lowest first, the first, the middle
  // (the threshold) and the last labelled with the output they stand for.
  const step = (x1 - x0) / 24;
  const key = bands.map((band, k) => ({ band, x: x0 + step * (k + 4) }));
  const labels = [0, 4, 8].map((k) => ({
    x: key[k]!.x,
    text: `${k === 0 ? "≤ " : k === 8 ? "≥ " : ""}${+bands[k]!.toFixed(3)}`,
  }));
  return plot(
    {
      aspectRatio: 1,
      x: { domain: [x0, x1], label: "x₁" },
      y: { domain: [y0, y1], label: "x₂" },
      // A band is filled by its lower edge: centre the scale between the bands either side of the
      // threshold, and end it at the lowest and highest bands' edges (the scale, the explorer's
      // too, is light enough at its ends for the points).
      color: {
        type: "diverging",
        pivot: threshold - span / 8,
        domain: [bands[0]!, bands[7]!],
        interpolate: (t: number) => `rgb(${twoClassColour(t)})`,
      },
      marks: [
        Plot.contour(raised, { ...grid, thresholds: bands, fill: Plot.identity, stroke: "none" }),
        Plot.contour(values, {
          ...grid,
          thresholds: [threshold],
          stroke: INK,
          strokeWidth: 1.5,
          fill: "none",
        }),
        Plot.dot(points, {
          x: "x",
          y: "y",
          r: 5,
          stroke: INK,
          strokeWidth: 1.5,
          fill: (d) => (d.above ? INK : "none"),
        }),
        Plot.frame(),
        Plot.text(["output:"], {
          x: x0,
          y: y1,
          dy: -24,
          textAnchor: "start",
          fill: "currentColor",
        }),
        Plot.dot(key, {
          x: "x",
          y: () => y1,
          dy: -24,
          symbol: "square",
          r: 6,
          fill: "band",
          stroke: "currentColor",
          strokeWidth: 0.5,
        }),
        Plot.text(labels, {
          x: "x",
          y: () => y1,
          dy: -10,
          text: "text",
          fontSize: 10,
          fill: "currentColor",
        }),
      ],
      marginTop: 40,
    },
    alt,
  );
}
