import { type Corner, type Figure, legend, Plot, plot } from "./plot.ts";

// The lessons' recurring charts, with their styling here so that a lesson's block shows what is
// plotted (which rows, which field against which) and not how: lines of a measure against a step,
// bars of shares, histograms in a grid. Each returns a figure with its text alternative.

type Row = Record<string, unknown>;

/** An axis: its label, a log scale, the range shown, where its ticks go. */
export interface Axis {
  label?: string | null;
  log?: boolean;
  domain?: readonly [number, number];
  ticks?: readonly number[];
  /** Ticks as powers of ten (1e-6 rather than 0.000001). */
  exponents?: boolean;
  /** Draws the axis from high to low. */
  reverse?: boolean;
  grid?: boolean;
}

export interface LinesOptions {
  x: string;
  y: string;
  /** The field that names each line: one line, in its own colour, per value. */
  series?: string;
  /** The series in order (the colour scale's domain); by default in order of appearance. */
  order?: readonly string[];
  /** The field that tells lines apart when `series` only colours them (several lines per colour). */
  z?: string;
  xAxis?: Axis;
  yAxis?: Axis;
  /** Small charts side by side, one per value of this field, in `columnOrder` if given. */
  columns?: string;
  columnOrder?: readonly string[];
  /** Small charts stacked, one per value of this field. */
  rows?: string;
  /** Where the series' names go: a corner of the frame, or `"ends"` beside each line's right end. */
  labels?: Corner | "ends";
  /** With `labels: "ends"`, only in the small chart of this value of `columns`. */
  labelsIn?: string;
  /** Each series a dash pattern too, beside its colour (for many lines, or print). */
  dashed?: boolean;
  /** A dot on every point. */
  dots?: boolean;
  /** Horizontal lines across the chart: at `y`, labelled `label`, dashed if `dashed`. */
  rules?: readonly { y: number; label?: string; dashed?: boolean }[];
  height?: number;
  width?: number;
}

const DASHES = ["none", "8 3", "2 2", "6 2 1 2", "4 4", "1 3"];

/** An axis as Plot's scale options. */
function scale(axis: Axis | undefined): Record<string, unknown> {
  if (!axis) return {};
  return {
    ...(axis.label !== undefined ? { label: axis.label } : {}),
    ...(axis.log ? { type: "log", tickFormat: "~g" } : {}),
    ...(axis.domain ? { domain: [...axis.domain] } : {}),
    ...(axis.ticks ? { ticks: [...axis.ticks] } : {}),
    ...(axis.exponents ? { tickFormat: (d: number) => d.toExponential(0) } : {}),
    ...(axis.reverse ? { reverse: true } : {}),
    ...(axis.grid ? { grid: true } : {}),
  };
}

/**
 * Lines of `y` against `x`, one per value of `series`, named in a corner or at their ends.
 * @example show(lines(rows, { x: "epoch", y: "loss", series: "run", yAxis: { log: true }, labels: "top-right" }, alt))
 */
export function lines(data: readonly Row[], options: LinesOptions, alt: string): Figure {
  const { x, y, series, columns, rows } = options;
  const names = series ? (options.order ?? [...new Set(data.map((d) => String(d[series])))]) : [];
  const facets = { ...(columns ? { fx: columns } : {}), ...(rows ? { fy: rows } : {}) };
  const line = (subset: readonly Row[], dash: string) =>
    Plot.lineY(subset, {
      x,
      y,
      ...(series ? { stroke: series } : {}),
      ...(options.z ? { z: options.z } : {}),
      ...facets,
      strokeWidth: 1.5,
      strokeDasharray: dash,
      clip: true,
      ...(options.dots ? { marker: "dot" } : {}),
    });
  const drawn =
    options.dashed && series
      ? names.map((name, i) =>
          line(
            data.filter((d) => String(d[series]) === name),
            DASHES[i % DASHES.length]!,
          ),
        )
      : [line(data, "none")];
  const rules = (options.rules ?? []).flatMap((rule) => [
    Plot.ruleY([rule.y], {
      strokeOpacity: rule.dashed ? 1 : 0.3,
      ...(rule.dashed ? { strokeDasharray: "4 3" } : {}),
    }),
    ...(rule.label
      ? [
          Plot.text([rule.label], {
            frameAnchor: "right",
            y: () => rule.y,
            dy: -8,
            textAnchor: "end",
          }),
        ]
      : []),
  ]);
  let labels: Plot.Markish[] = [];
  const where = options.labels;
  if (series && where === "ends") {
    const labelled =
      options.labelsIn && columns
        ? data.filter((d) => String(d[columns]) === options.labelsIn)
        : data;
    // at the point furthest right: the largest x, or the smallest on a reversed axis
    const select = options.xAxis?.reverse ? Plot.selectMinX : Plot.selectMaxX;
    labels = [
      Plot.text(
        labelled,
        select({
          x,
          y,
          z: series,
          text: series,
          fill: series,
          ...facets,
          dx: 6,
          textAnchor: "start",
        }),
      ),
    ];
  } else if (series && where && where !== "ends") labels = legend(names, where);
  const ends = where === "ends";
  // the names of the stacked charts sit in the right margin
  const rowNames = rows ? Math.max(...data.map((d) => String(d[rows]).length)) * 6.5 + 16 : 0;
  return plot(
    {
      marks: [...rules, ...drawn, ...labels],
      x: scale(options.xAxis),
      y: scale(options.yAxis),
      ...(series ? { color: { domain: [...names] } } : {}),
      ...(columns
        ? {
            fx: {
              label: null,
              ...(options.columnOrder ? { domain: [...options.columnOrder] } : {}),
            },
          }
        : {}),
      ...(rows ? { fy: { label: null } } : {}),
      height: options.height ?? 300,
      ...(options.width ? { width: options.width } : {}),
      marginLeft: options.yAxis?.log || options.yAxis?.exponents ? 60 : 50,
      // an end label is a series' name, in 12px text
      marginRight: Math.max(ends ? Math.max(...names.map((n) => n.length)) * 7 + 14 : 20, rowNames),
    },
    alt,
  );
}

export interface BarsOptions {
  /** The field of each bar's length. */
  value: string;
  /** The field that names each bar (one row of bars per name). */
  name: string;
  /** The names in order, top to bottom. */
  order?: readonly string[];
  /** Small charts side by side, one per value of this field. */
  columns?: string;
  /** The fields of an interval around each value, drawn as a line across the bar's end. */
  interval?: readonly [string, string];
  /** The text at each bar's end. */
  text?: (row: Row) => string;
  axis?: Axis;
  height?: number;
}

/**
 * Horizontal bars, one per row, named on the left, with an interval and a text at each end.
 * @example show(bars(rates, { value: "rate", name: "recipe", columns: "measure", text: (d) => `${d.rate}%` }, alt))
 */
export function bars(data: readonly Row[], options: BarsOptions, alt: string): Figure {
  const { value, name, columns } = options;
  const facets = columns ? { fx: columns } : {};
  const [lo, hi] = options.interval ?? [];
  const longest = Math.max(...data.map((d) => String(d[name]).length));
  return plot(
    {
      marks: [
        Plot.barX(data, { x: value, y: name, ...facets, fill: "currentColor", fillOpacity: 0.5 }),
        ...(lo && hi
          ? [Plot.ruleY(data, { x1: lo, x2: hi, y: name, ...facets, strokeWidth: 2 })]
          : []),
        ...(options.text
          ? [
              Plot.text(data, {
                x: hi ?? value,
                y: name,
                ...facets,
                text: options.text,
                dx: 4,
                textAnchor: "start",
              }),
            ]
          : []),
        Plot.ruleX([0]),
      ],
      x: scale(options.axis),
      y: { label: null, ...(options.order ? { domain: [...options.order] } : {}) },
      ...(columns ? { fx: { label: null } } : {}),
      marginLeft: Math.min(300, 6.5 * longest + 10),
      width: 780,
      height: options.height ?? 60 + 34 * new Set(data.map((d) => d[name])).size,
    },
    alt,
  );
}

/** One bin of {@link binned}: its left and right edge, and the share of the values in it. */
export interface Bin {
  x1: number;
  x2: number;
  fraction: number;
}

/**
 * The values in `bins` equal bins over `domain`, each bin with the share of them it holds; the
 * first and the last bin also take what lies beyond them. Empty bins are left out.
 * @example binned([0.1, 0.2, 0.9, 5], [0, 1], 2) // [{ x1: 0, x2: 0.5, fraction: 0.5 }, { x1: 0.5, x2: 1, fraction: 0.5 }]
 */
export function binned(
  values: readonly number[],
  domain: readonly [number, number],
  bins = 30,
): Bin[] {
  const [lo, hi] = domain;
  const step = (hi - lo) / bins;
  const counts = new Array<number>(bins).fill(0);
  for (const v of values) counts[Math.max(0, Math.min(Math.floor((v - lo) / step), bins - 1))]!++;
  return counts.flatMap((count, k) =>
    count > 0
      ? [{ x1: lo + k * step, x2: lo + (k + 1) * step, fraction: count / values.length }]
      : [],
  );
}

export interface HistogramsOptions {
  /** The fields of each bin's left and right edge and its height (those of {@link binned} by default). */
  x1?: string;
  x2?: string;
  y?: string;
  /** One column of histograms per value of this field, in `columnOrder`. */
  columns: string;
  columnOrder?: readonly string[];
  /** One row per value of this field. */
  rows: string;
  xAxis?: Axis;
  /** The label of the rows. */
  rowLabel?: string;
  height?: number;
}

/**
 * A grid of histograms from binned rows (see {@link binned}): columns by one field, rows by
 * another. Heights on a square-root scale, so that a thin tail still shows beside a spike.
 */
export function histograms(data: readonly Row[], options: HistogramsOptions, alt: string): Figure {
  const { x1 = "x1", x2 = "x2", y = "fraction", columns, rows } = options;
  return plot(
    {
      marks: [
        Plot.rectY(data, {
          x1,
          x2,
          y,
          fx: columns,
          fy: rows,
          fill: "currentColor",
          fillOpacity: 0.7,
        }),
        Plot.ruleY([0], { strokeOpacity: 0.3 }),
      ],
      fx: { label: null, ...(options.columnOrder ? { domain: [...options.columnOrder] } : {}) },
      fy: { label: options.rowLabel ?? null },
      x: { tickFormat: "~g", ...scale(options.xAxis) },
      y: { type: "sqrt", ticks: 0, label: null },
      height: options.height ?? 520,
      width: 720,
      marginLeft: 20,
      marginRight: 40,
    },
    alt,
  );
}
