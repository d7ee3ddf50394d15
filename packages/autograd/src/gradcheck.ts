import { fixed } from "./fixed.ts";
import { Value } from "./value.ts";

/** Options of {@link gradcheck}. */
export interface GradcheckOptions {
  /** The inputs' names in the report. @default ["x0", "x1", …] */
  names?: readonly string[];
  /** The step of the central difference. @default 1e-5 */
  h?: number;
  /** The largest relative error that passes. @default 1e-6 */
  tolerance?: number;
}

/** One input's line of a {@link GradcheckReport}. */
export interface GradcheckRow {
  /** The input's name: from `names`, else `x0`, `x1`, … */
  name: string;
  /** Where the partial derivative was taken. */
  input: number;
  /** The partial derivative from `backward()`. */
  analytic: number;
  /** The central difference (f(x + h) − f(x − h)) / 2h. */
  numeric: number;
  /** `|analytic − numeric| / max(|analytic|, |numeric|)`, 0 when both are 0. */
  error: number;
}

/** The outcome of {@link gradcheck}: one row per input, and whether every row passed. */
export class GradcheckReport {
  /** f at the inputs. */
  readonly value: number;
  /** One row per input, in order. */
  readonly rows: readonly GradcheckRow[];
  /** The largest relative error over the rows (NaN if any is NaN). */
  readonly maxError: number;
  /** The largest relative error that passes. */
  readonly tolerance: number;
  /** True when every row's relative error is at most `tolerance`. */
  readonly ok: boolean;

  constructor(value: number, rows: readonly GradcheckRow[], tolerance: number) {
    this.value = value;
    this.rows = rows;
    this.tolerance = tolerance;
    this.maxError = rows.reduce(
      (max, r) => (Number.isNaN(r.error) ? NaN : Math.max(max, r.error)),
      0,
    );
    this.ok = rows.every((r) => r.error <= tolerance);
  }

  /** An aligned table: per input its name, where it was taken, analytic, numeric, relative error; then the verdict. */
  toString(): string {
    const header = ["input", "at", "analytic", "numeric", "rel. error"];
    const cells = this.rows.map((r) => [
      r.name,
      fixed(r.input, 6),
      fixed(r.analytic, 8),
      fixed(r.numeric, 8),
      r.error.toExponential(1),
    ]);
    const widths = header.map((h, j) => Math.max(h.length, ...cells.map((c) => c[j]!.length)));
    // Names left-aligned, numbers right-aligned so their decimal points line up.
    const line = (c: string[]) =>
      c.map((s, j) => (j === 0 ? s.padEnd(widths[j]!) : s.padStart(widths[j]!))).join("  ");
    const verdict = `max rel. error ${this.maxError.toExponential(1)}, tolerance ${this.tolerance.toExponential(0)}: ${this.ok ? "ok" : "FAILED"}`;
    return [line(header), ...cells.map(line), verdict].join("\n");
  }
}

/** CS231n's relative error of two estimates of one derivative; 0 when they are equal (also 0 and 0). */
export function relativeError(a: number, n: number): number {
  return a === n ? 0 : Math.abs(a - n) / Math.max(Math.abs(a), Math.abs(n));
}

/**
 * Check `backward()` against finite differences: for each input, compare the analytic partial
 * derivative of `f` with the central difference (f(x + h) − f(x − h)) / 2h by
 * {@link relativeError}.
 *
 * In float64 the central difference is off by O(h²) (truncation) plus O(ε/h) (rounding, ε ≈ 2.2e-16);
 * h = 1e-5 sits near the best trade-off (ε^⅓ ≈ 6e-6), leaving a correct gradient typically 1e-8 to
 * 1e-11 away, while a wrong derivative formula is typically off by 1e-2 or more. The default
 * tolerance 1e-6 sits between the two. Where a partial is nearly 0 the relative error is rounding noise over
 * noise: check at points where it is not (CS231n makes the same caveat).
 *
 * @param f maps the inputs, as Values, to one scalar Value.
 * @example
 * // the assignment's d/dx log(1 + sin x) = cos x / (1 + sin x)
 * const report = gradcheck((x) => x.sin().add(1).log(), [0.5], { names: ["x"] });
 * report.ok; // true
 * console.log(String(report));
 */
export function gradcheck(
  f: (...xs: Value[]) => Value,
  inputs: readonly number[],
  opts: GradcheckOptions = {},
): GradcheckReport {
  const h = opts.h ?? 1e-5;
  const tolerance = opts.tolerance ?? 1e-6;
  const names = inputs.map((_, i) => opts.names?.[i] ?? `x${i}`);
  // Analytic: one forward pass through the engine, then backward.
  const xs = inputs.map((x, i) => new Value(x, names[i]));
  const out = f(...xs);
  out.backward();
  // f with input i moved to x and the others as given.
  const at = (i: number, x: number) => f(...inputs.map((v, j) => new Value(j === i ? x : v))).data;
  const rows = inputs.map((x, i): GradcheckRow => {
    // #region central-difference
    const up = x + h;
    const down = x - h;
    // Divide by the step actually taken: up − down is 2h up to rounding of x ± h.
    const numeric = (at(i, up) - at(i, down)) / (up - down);
    // #endregion central-difference
    const analytic = xs[i]!.grad;
    return {
      name: names[i]!,
      input: x,
      analytic,
      numeric,
      error: relativeError(analytic, numeric),
    };
  });
  return new GradcheckReport(out.data, rows, tolerance);
}
