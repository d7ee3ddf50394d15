import * as Plot from "@observablehq/plot";
import type { History } from "./history.ts";
import { chart, type Figure } from "./svg.ts";

/** Options of {@link lossCurve}. */
export interface CurveOptions {
  /** Which loss per epoch: the mean over its steps, or its last step's (the notebook's log). @default "epoch" */
  per?: "epoch" | "last";
  /** A logarithmic loss axis, for losses that shrink by orders of magnitude. @default true */
  log?: boolean;
  /** The loss axis's range; curves are clipped to it. @default the losses' extent */
  domain?: [number, number];
}

/**
 * The loss per epoch of one training run, or of several runs keyed by name (each labelled at
 * its end), on a logarithmic axis by default.
 *
 * @example
 * lossCurve({ "L1": l1Run, "MSE": mseRun }); // two labelled curves
 */
export function lossCurve(runs: History | Record<string, History>, opts: CurveOptions = {}): Figure {
  const { per = "epoch", log = true, domain } = opts;
  const named: [string, History][] = isHistory(runs) ? [["", runs]] : Object.entries(runs);
  if (named.length === 0 || named.some(([, h]) => h[per].length === 0)) throw new RangeError("lossCurve: expected at least one run of at least one epoch");
  // A log axis cannot show a loss of exactly 0: leave such points out.
  const points = named.flatMap(([run, h]) => h[per].map((loss, epoch) => ({ run, epoch, loss })).filter((p) => !log || p.loss > 0));
  const ends = named.map(([run, h]) => ({ run, epoch: h[per].length - 1, loss: h[per].at(-1)! }));
  const several = named.length > 1;
  const what = per === "epoch" ? "mean loss per epoch" : "loss of each epoch's last step";
  const alt = several
    ? `The ${what} of ${named.length} runs: ${ends.map((e) => `${e.run} ends at ${e.loss.toPrecision(2)}`).join("; ")}.`
    : `The ${what} over ${ends[0]!.epoch + 1} epochs, from ${named[0]![1][per][0]!.toPrecision(2)} to ${ends[0]!.loss.toPrecision(2)}.`;
  return chart(
    {
      marginLeft: 50,
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
        Plot.lineY(points, { x: "epoch", y: "loss", z: "run", stroke: several ? "run" : "currentColor", strokeWidth: 1, clip: true }),
        // A legend drawn as marks, above the frame (Plot's own legends are HTML, which an SVG file cannot hold).
        ...(several ? named : []).map(([run], i) => Plot.text([run], { frameAnchor: "top-right", dy: -15 * (named.length - i) - 4, text: (d) => `${d} ━`, fill: (d) => d, textAnchor: "end" })),
      ],
    },
    alt,
  );
}

function isHistory(runs: History | Record<string, History>): runs is History {
  return Array.isArray((runs as History).step) && Array.isArray((runs as History).epoch);
}
