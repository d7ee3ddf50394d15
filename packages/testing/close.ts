import { expect } from "vitest";

// Every package's tests compare floats this way.

/**
 * Expect `got` within `rel` relative error of `want` (or within `abs` of it, for `want` near 0).
 * Equal values always pass (±Infinity, 0 and −0); NaN never does.
 */
export function expectClose(got: number, want: number, rel = 1e-12, abs = 0): void {
  // Infinities only equal themselves: |−∞ − ∞| ≤ rel·∞ would let opposite infinities pass.
  if (
    got === want ||
    (Number.isFinite(want) && Math.abs(got - want) <= Math.max(rel * Math.abs(want), abs))
  )
    return;
  expect.fail(`expected ${got} to be within ${rel} relative of ${want}`);
}
