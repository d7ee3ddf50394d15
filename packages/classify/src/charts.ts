import { type Corner, type Figure, legend, Plot, plot } from "@gradbook/figure";

/**
 * Curves over epochs, one per named series, on one chart: training against validation loss,
 * say. Epochs count from 1 (after one pass over the data).
 *
 * @example
 * epochCurves({ training: [0.9, 0.4], validation: [0.8, 0.5] }, "loss", "…");
 */
export function epochCurves(
  series: Readonly<Record<string, readonly number[]>>,
  label: string,
  alt: string,
  opts: { percent?: boolean; log?: boolean; legend?: Corner } = {},
): Figure {
  const names = Object.keys(series);
  if (names.length === 0 || names.some((name) => series[name]!.length === 0))
    throw new RangeError("epochCurves: expected at least one series of at least one epoch");
  const rows = names.flatMap((name) =>
    series[name]!.map((value, i) => ({
      name,
      epoch: i + 1,
      value: opts.percent ? 100 * value : value,
    })),
  );
  const epochs = Math.max(...names.map((name) => series[name]!.length));
  const every = Math.ceil(epochs / 10); // whole epochs only, at most about ten ticks
  const ticks = Array.from({ length: Math.floor(epochs / every) }, (_, i) => (i + 1) * every);
  return plot(
    {
      width: 640,
      height: 300,
      marginLeft: 50,
      x: { label: "epoch", ticks: epochs === 1 ? [1] : ticks, tickFormat: "d" },
      y: {
        label: opts.percent ? `${label} (%)` : label,
        grid: true,
        ...(opts.log ? { type: "log" as const, tickFormat: "~g" } : {}),
      },
      color: { type: "categorical", domain: names },
      marks: [
        Plot.lineY(rows, { x: "epoch", y: "value", stroke: "name", strokeWidth: 1.5 }),
        Plot.dot(rows, { x: "epoch", y: "value", fill: "name", r: 2 }),
        ...legend(names, opts.legend ?? "top-right"),
      ],
    },
    alt,
  );
}

/**
 * A confusion matrix as a grid: row = true class, column = predicted class, each cell's count
 * written in it and shaded by the share of its row (blue on the diagonal, orange off it).
 */
export function confusionChart(matrix: readonly (readonly number[])[], alt: string): Figure {
  const cells = matrix.flatMap((row, truth) => {
    const total = row.reduce((a, b) => a + b, 0) || 1;
    return row.map((count, predicted) => ({ truth, predicted, count, share: count / total }));
  });
  const classes = matrix.map((_, i) => i);
  return plot(
    {
      width: 420,
      height: 420,
      marginLeft: 50,
      marginTop: 40,
      padding: 0.05,
      x: { label: "predicted", axis: "top", domain: classes },
      y: { label: "true", domain: classes },
      marks: [
        Plot.cell(cells, {
          x: "predicted",
          y: "truth",
          fill: (d) => (d.truth === d.predicted ? "#2f6fde" : "#e0542c"),
          fillOpacity: (d) => (d.count === 0 ? 0 : 0.12 + 0.6 * Math.sqrt(d.share)),
        }),
        Plot.text(cells, {
          x: "predicted",
          y: "truth",
          text: (d) => (d.count === 0 ? "" : String(d.count)),
          fill: "currentColor",
        }),
      ],
    },
    alt,
  );
}
