// The words of the errors: each names the thing that was wrong, the value received and what was
// expected, e.g. `MLP: layer sizes must be positive integers, got [5, 0, 1]`.
import { show, Value } from "@gradbook/autograd";

/** True for a layer size: a positive integer. */
export function isSize(n: unknown): n is number {
  return Number.isInteger(n) && (n as number) > 0;
}

/** Throws unless `n` is a positive integer: `Layer: nin must be a positive integer, got 0`. */
export function checkSize(where: string, name: string, n: unknown): number {
  if (!isSize(n))
    throw new RangeError(`${where}: ${name} must be a positive integer, got ${show(n)}`);
  return n;
}

/**
 * Throws unless `x` is a list of `n` inputs, each a Value or a number (not NaN):
 * `MLP.forward: expected 2 inputs, got 3: [0, 1, 1]`.
 */
export function checkInput(where: string, x: unknown, n: number): void {
  if (!Array.isArray(x))
    throw new TypeError(`${where}: expected an array of ${n} inputs, got ${show(x)}`);
  if (x.length !== n)
    throw new RangeError(
      `${where}: expected ${n} input${n === 1 ? "" : "s"}, got ${x.length}: ${show(x)}`,
    );
  for (let i = 0; i < n; i++) {
    const xi: unknown = x[i];
    if (xi instanceof Value || (typeof xi === "number" && !Number.isNaN(xi))) continue;
    throw new TypeError(`${where}: expected input ${i} to be a number or a Value, got ${show(xi)}`);
  }
}
