// The relu network of lesson 02's exercise: weights by hand, XOR exactly, no training.
import { describe, expect, it } from "vitest";
import { reluXor } from "../src/index.ts";

describe("reluXor", () => {
  it.each([
    [[0, 0], 0],
    [[0, 1], 1],
    [[1, 0], 1],
    [[1, 1], 0],
  ])("gives exactly XOR(%j) = %s", (x, want) => {
    const out = reluXor().forward(x);
    expect(out).toHaveLength(1);
    expect(out[0]!.data).toBe(want);
  });

  it("is the network the exercise asks for: 2 → 2 → 1, relu, a linear output, 9 parameters", () => {
    const model = reluXor();
    expect(String(model)).toBe("MLP(2 → 2 → 1, relu, output linear)");
    expect(model.parameters()).toHaveLength(9);
  });
});
