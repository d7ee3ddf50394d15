// The checks every loss makes before computing anything: each error names the loss, the value
// that was wrong, where it was, and what was expected.
import { show, Value } from "@gradbook/autograd";
import type { LossOptions, Reduction } from "./reduction.ts";

/** The reduction asked for, `'mean'` by default; throws on anything else. */
export function reductionOf(loss: string, opts: LossOptions | undefined): Reduction {
  const reduction = opts?.reduction ?? "mean";
  if (reduction !== "mean" && reduction !== "sum") {
    throw new RangeError(`${loss}: expected reduction "mean" or "sum", got ${show(reduction)}`);
  }
  return reduction;
}

/**
 * The predictions (or logits, or scores) as Values, numbers wrapped as constants. Throws unless
 * they form a non-empty list of Values or numbers, none of them NaN.
 */
export function predictions(
  loss: string,
  pred: readonly (Value | number)[],
  what = "predictions",
): Value[] {
  if (!Array.isArray(pred))
    throw new TypeError(`${loss}: expected an array of ${what}, got ${show(pred)}`);
  if (pred.length === 0)
    throw new RangeError(`${loss}: expected a non-empty array of ${what}, got an empty batch`);
  return pred.map((p, i) => {
    const v = typeof p === "number" ? p : p instanceof Value ? p.data : undefined;
    if (v === undefined)
      throw new TypeError(
        `${loss}: expected ${what} that are Values or numbers, got ${show(p)} at index ${i}`,
      );
    if (Number.isNaN(v))
      throw new RangeError(`${loss}: expected ${what} that are numbers, got NaN at index ${i}`);
    return typeof p === "number" ? new Value(p) : p;
  });
}

/** Throws unless `target` is a list of finite numbers, one per prediction (`n` of the `inputs`). */
export function targets(
  loss: string,
  target: readonly number[],
  n: number,
  inputs = "predictions",
  what = "targets",
): void {
  if (!Array.isArray(target))
    throw new TypeError(`${loss}: expected an array of ${what}, got ${show(target)}`);
  if (target.length !== n) {
    throw new RangeError(
      `${loss}: expected as many ${what} as ${inputs}, got ${n} ${inputs} and ${target.length} ${what}`,
    );
  }
  each(loss, target, Number.isFinite, `${what} that are finite numbers`);
}

/** Throws at the first element of `xs` that is not `ok`, naming it, its index and what was `expected`. */
export function each(
  loss: string,
  xs: readonly unknown[],
  ok: (x: number) => boolean,
  expected: string,
  advice = "",
): void {
  xs.forEach((x, i) => {
    if (typeof x !== "number" || !ok(x)) {
      throw new RangeError(
        `${loss}: expected ${expected}, got ${show(x)} at index ${i}${advice ? ` (${advice})` : ""}`,
      );
    }
  });
}

/** Whether `x` lies in [0, 1]. */
export const inUnitInterval = (x: number): boolean => x >= 0 && x <= 1;
