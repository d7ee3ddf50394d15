import { expect } from "vitest";

// Every step package's tests compare floats this way; the others import it from here, the step
// they all build on.

/**
 * Expect `got` within `rel` relative error of `want` (or within `abs` of it, for `want` near 0).
 * Equal values always pass (±Infinity, 0 and −0); NaN never does.
 */
export function expectClose(got: number, want: number, rel = 1e-12, abs = 0): void {
  if (got === want || Math.abs(got - want) <= Math.max(rel * Math.abs(want), abs)) return;
  expect.fail(`expected ${got} to be within ${rel} relative of ${want}`);
}
