// Lesson 01's problem softsign: its derivative, checked against hand-derived values and against
// central differences of its value.
import { describe, expect, it } from "vitest";
import { softsign } from "../src/variants.ts";
import { Value } from "../src/value.ts";

function gradAt(a: number): { y: number; grad: number } {
  const x = new Value(a);
  const y = softsign(x);
  y.backward();
  return { y: y.data, grad: x.grad };
}

describe("softsign", () => {
  it.each([
    // x, x/(1+|x|), 1/(1+|x|)² worked by hand
    [0, 0, 1],
    [1, 0.5, 0.25],
    [-3, -0.75, 0.0625],
    [0.5, 1 / 3, 4 / 9],
  ])("at %s is %s with derivative %s", (a, y, grad) => {
    const got = gradAt(a);
    expect(got.y).toBeCloseTo(y, 15);
    expect(got.grad).toBeCloseTo(grad, 15);
  });

  it("has the derivative its values have, by central differences, on both sides of 0", () => {
    const f = (a: number) => a / (1 + Math.abs(a));
    for (const a of [-7, -1.3, -0.2, 0.05, 0.9, 4]) {
      const h = 1e-6;
      expect(gradAt(a).grad).toBeCloseTo((f(a + h) - f(a - h)) / (2 * h), 8);
    }
  });
});
