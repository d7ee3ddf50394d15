// Lesson 02's problems: parity by hand (every corner of the cube), and the parameter count
// (against the parameters a real MLP lists).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MLP } from "../src/mlp.ts";
import { parameterCount, reluParity } from "../src/variants.ts";

describe("reluParity", () => {
  const corners = [0, 1].flatMap((a) => [0, 1].flatMap((b) => [0, 1].map((c) => [a, b, c])));
  it.each(corners)("gives exactly the parity of (%s, %s, %s)", (a, b, c) => {
    expect(reluParity().forward([a, b, c])[0]!.data).toBe((a + b + c) % 2);
  });

  it("is the network the exercise asks for: 3 → 3 → 1, relu, a linear output, 16 parameters", () => {
    const model = reluParity();
    expect(String(model)).toBe("MLP(3 → 3 → 1, relu, output linear)");
    expect(model.parameters()).toHaveLength(16);
  });
});

describe("parameterCount", () => {
  it("is 44 for the assignment's 2 → 5 → 4 → 1 network", () => {
    expect(parameterCount(2, [5, 4, 1])).toBe(44);
  });

  it("is what a real MLP lists, for any shape", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 4 }),
        (nin, sizes) => {
          expect(parameterCount(nin, sizes)).toBe(new MLP(nin, sizes).parameters().length);
        },
      ),
      { numRuns: 60 },
    );
  });
});
