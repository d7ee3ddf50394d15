// summary(): the torchsummary-like table, checked as text for the assignment's net; totals on any shape.
import fc from "fast-check";
import { expect, it } from "vitest";
import { MLP, summary } from "../src/index.ts";

it("prints the assignment's net: 15 + 24 + 5 = 44 parameters, no activation after the output", () => {
  const model = new MLP(2, [5, 4, 1], { activation: "tanh", outputActivation: "linear" });
  expect(summary(model)).toBe(
    [
      "------------------------------------------------",
      "Layer      Type           Output Shape   Param #",
      "================================================",
      "hidden 1   Linear(2, 5)            [5]        15",
      "           Tanh                    [5]         0",
      "hidden 2   Linear(5, 4)            [4]        24",
      "           Tanh                    [4]         0",
      "output     Linear(4, 1)            [1]         5",
      "================================================",
      "Total params: 44",
      "------------------------------------------------",
    ].join("\n"),
  );
});

it("names each activation as PyTorch does and groups digits by thousands", () => {
  const text = summary(
    new MLP(784, [128, 10], { activation: "relu", outputActivation: "sigmoid" }),
  );
  // 784·128 + 128 = 100,480; 128·10 + 10 = 1,290; total 101,770.
  expect(text).toContain(
    "hidden 1   Linear(784, 128)          [128]   100,480\n           ReLU                      [128]         0",
  );
  expect(text).toContain(
    "output     Linear(128, 10)            [10]     1,290\n           Sigmoid                    [10]         0",
  );
  expect(text).toContain("Total params: 101,770");
});

it("totals Σ (nᵢₙ + 1)·nₒᵤₜ and has one Linear row per layer, for any shape", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 50 }),
      fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 5 }),
      (nin, sizes) => {
        const fanIns = [nin, ...sizes.slice(0, -1)];
        const want = sizes.reduce((sum, nout, l) => sum + (fanIns[l]! + 1) * nout, 0);
        const text = summary(
          new MLP(nin, sizes, { activation: "relu", outputActivation: "linear" }),
        );
        expect(text).toContain(`Total params: ${want.toLocaleString("en-US")}\n`);
        expect(text.match(/Linear\(/g)).toHaveLength(sizes.length);
        expect(text.match(/ReLU/g) ?? []).toHaveLength(sizes.length - 1);
        // Every line of the table as wide as the rules (or shorter, after trimming), none wider.
        const lines = text.split("\n");
        expect(Math.max(...lines.map((l) => l.length))).toBe(lines[0]!.length);
      },
    ),
  );
});
