import { type Figure, Plot, plot } from "@gradbook/figure";
import type { History } from "./history.ts";

/** Options of {@link lossCurve}. */
export interface CurveOptions {
  /** Which loss per epoch: the mean over its steps, or its last step's (the notebook's log). @default "epoch" */
  per?: "epoch" | "last";
  /** A logarithmic loss axis, for losses that shrink by orders of magnitude. @default true */
  log?: boolean;
  /** The loss axis's range; curves are clipped to it. @default the losses' extent */
  domain?: [number, number];
}

/** The chart's width and side margins in pixels: the plot spans 570 pixel columns. */
const WIDTH = 640;
const MARGIN_LEFT = 50;
const MARGIN_RIGHT = 20;
/**
 * The most points a line keeps: four per pixel column (its first, lowest, highest and last). A
 * run up to that long is drawn point for point (lesson 06's 2001 epochs are 3.5 a column); a
 * longer one is thinned by {@link envelope}, one bucket per column, to the same outline.
 */
export const MAX_POINTS = 4 * (WIDTH - MARGIN_LEFT - MARGIN_RIGHT);

/**
 * The loss per epoch of one training run, or of several runs keyed by name (each labelled at
 * its end), on a logarithmic axis by default.
 *
 * @example
 * lossCurve({ "L1": l1Run, "MSE": mseRun }); // two labelled curves
 */
export function lossCurve(
  runs: History | Record<string, History>,
  opts: CurveOptions = {},
): Figure {
  const { per = "epoch", log = true, domain } = opts;
  const named: [string, History][] = isHistory(runs) ? [["", runs]] : Object.entries(runs);
  const several = named.length > 1;
  if (named.length === 0 || named.some(([, h]) => h[per].length === 0))
    throw new RangeError("lossCurve: expected at least one run of at least one epoch");
  // A log axis cannot show a loss of exactly 0: leave such points out. A long run is thinned
  // to what the chart's width can show; when several share the chart, each to half of that (its
  // outline in two-pixel buckets), which keeps a lesson page of four 2001-epoch runs light.
  const most = several ? MAX_POINTS / 2 : MAX_POINTS;
  const points = named.flatMap(([run, h]) =>
    envelope(
      h[per].map((loss, epoch) => ({ run, epoch, loss })).filter((p) => !log || p.loss > 0),
      most,
    ),
  );
  const ends = named.map(([run, h]) => ({ run, epoch: h[per].length - 1, loss: h[per].at(-1)! }));
  const what = per === "epoch" ? "mean loss per epoch" : "loss of each epoch's last step";
  const shown = (x: number) => (x === 0 ? "0" : x.toPrecision(2)); // not "0.0": exactly zero
  const alt = several
    ? `The ${what} of ${named.length} runs: ${ends.map((e) => `${e.run} ends at ${shown(e.loss)}`).join("; ")}.`
    : `The ${what} over ${ends[0]!.epoch + 1} epochs, from ${shown(named[0]![1][per][0]!)} to ${shown(ends[0]!.loss)}.`;
  return plot(
    {
      width: WIDTH,
      marginLeft: MARGIN_LEFT,
      marginRight: MARGIN_RIGHT,
      marginTop: 24 + (several ? 15 * named.length : 0),
      x: { label: "epoch" },
      y: {
        label: per === "epoch" ? "mean loss in the epoch" : "loss",
        ...(log ? { type: "log" as const, tickFormat: "~g" } : { zero: true }),
        ...(domain ? { domain } : {}),
        grid: true,
      },
      color: { type: "categorical", domain: named.map(([run]) => run) },
      marks: [
        Plot.lineY(points, {
          x: "epoch",
          y: "loss",
          z: "run",
          stroke: several ? "run" : "currentColor",
          strokeWidth: 1,
          clip: true,
        }),
        // A legend drawn as marks, above the frame (Plot's own legends are HTML, which an SVG file cannot hold).
        ...(several ? named : []).map(([run], i) =>
          Plot.text([run], {
            frameAnchor: "top-right",
            dy: -15 * (named.length - i) - 4,
            text: (d) => `${d} ━`,
            fill: (d) => d,
            textAnchor: "end",
          }),
        ),
      ],
    },
    alt,
  );
}

/**
 * A long series thinned for a chart of limited width, with its ups and downs intact: the epochs
 * are cut into equal spans (buckets), and each bucket keeps its first, lowest, highest and last
 * point, in epoch order (the M4 method). A line through them reaches the same lowest and highest
 * loss in every bucket as the full series, and joins the buckets where it did, so a curve that
 * bounces keeps its bounce; only the strokes inside a bucket are fewer (a dense band of them
 * draws a little lighter). A series of at most `maxPoints` points is returned as it is.
 *
 * @param points sorted by epoch
 * @param maxPoints at least 4; the result has at most this many points
 * @example
 * envelope(points, 2280).length; // ≤ 2280: 570 buckets, the first and last point and the extremes kept
 */
export function envelope<P extends { epoch: number; loss: number }>(
  points: P[],
  maxPoints: number,
): P[] {
  if (!Number.isInteger(maxPoints) || maxPoints < 4)
    throw new RangeError(`envelope: expected maxPoints to be an integer ≥ 4, got ${maxPoints}`);
  if (points.length <= maxPoints) return points;
  const buckets = Math.floor(maxPoints / 4);
  const first = points[0]!.epoch;
  const span = points.at(-1)!.epoch - first;
  const bucketOf = (p: P) =>
    span > 0 ? Math.min(buckets - 1, Math.floor(((p.epoch - first) / span) * buckets)) : 0;
  const kept: P[] = [];
  for (let start = 0; start < points.length; ) {
    const bucket = bucketOf(points[start]!);
    let end = start;
    let [low, high] = [start, start];
    while (end < points.length && bucketOf(points[end]!) === bucket) {
      if (points[end]!.loss < points[low]!.loss) low = end;
      if (points[end]!.loss > points[high]!.loss) high = end;
      end++;
    }
    // Indices in order, each once: first, the extremes as they come, last.
    for (const i of [...new Set([start, low, high, end - 1])].sort((a, b) => a - b))
      kept.push(points[i]!);
    start = end;
  }
  return kept;
}

function isHistory(runs: History | Record<string, History>): runs is History {
  return Array.isArray((runs as History).step) && Array.isArray((runs as History).epoch);
}
