// The words of the errors: each names the initializer, the value that was wrong and what was
// expected, e.g. `xavierNormal: expected fanIn to be a positive integer, got 0`.
import { show } from "@gradbook/autograd";

/**
 * Throws unless `fanIn` and `fanOut` are positive integers: every layer has at least one input
 * and one output, and the scaled initializers divide by a fan or take its square root.
 */
export function checkFans(where: string, fanIn: number, fanOut: number): void {
  if (!isFan(fanIn)) fail(where, `fanIn to be a positive integer`, fanIn);
  if (!isFan(fanOut)) fail(where, `fanOut to be a positive integer`, fanOut);
}

/**
 * Returns `x` if it is a finite number, and ≥ 0 when `nonNegative`; otherwise throws, naming the
 * parameter: `normal: expected a finite std ≥ 0, got -1`.
 */
export function finite(where: string, name: string, x: unknown, nonNegative = false): number {
  const expected = `a finite ${name}${nonNegative ? " ≥ 0" : ""}`;
  if (typeof x !== "number") throw new TypeError(`${where}: expected ${expected}, got ${show(x)}`);
  if (!Number.isFinite(x) || (nonNegative && x < 0)) fail(where, expected, x);
  return x;
}

function isFan(n: unknown): boolean {
  return Number.isInteger(n) && (n as number) > 0;
}

function fail(where: string, expected: string, got: unknown): never {
  const wrongType = typeof got !== "number";
  const message = `${where}: expected ${expected}, got ${show(got)}`;
  throw wrongType ? new TypeError(message) : new RangeError(message);
}
