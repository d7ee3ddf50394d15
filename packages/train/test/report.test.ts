import { describe, expect, it } from "vitest";
import { classifies, logLine, predictionTable, regressionTable, xor } from "../src/index.ts";

describe("logLine", () => {
  it.each([
    [0, 1.58317368350987, "Epoch: 0, Loss: 1.583174"],
    [2000, 0.2, "Epoch: 2000, Loss: 0.200000"],
  ])("prints epoch %i, loss %d in the notebook's words", (epoch, loss, line) => {
    expect(logLine(epoch, loss)).toBe(line);
  });
});

describe("classifies", () => {
  it.each([
    [[0.4, 0.6, 0.51, 0.2], true],
    [[0.5, 0.6, 0.51, -3], true], // exactly 0.5 is class 0
    [[0.4, 0.5, 0.51, 0.2], false], // 0.5 for target 1 is wrong
    [[-1, 2, 3, 0.7], false],
  ])("%j against XOR: %s", (outputs, expected) => {
    expect(classifies(outputs, [0, 1, 1, 0])).toBe(expected);
  });

  it("takes another threshold, e.g. 0 for logits", () => {
    expect(classifies([-0.1, 0.1], [0, 1], 0)).toBe(true);
    expect(classifies([-0.1, 0.1], [0, 1])).toBe(false);
  });
});

describe("predictionTable", () => {
  it("lists each point's target, output, predicted class and whether it is right", () => {
    const outputs = [0.1, 0.9, 0.4, -0.25];
    const table = predictionTable((x) => outputs[2 * x[0]! + x[1]!]!, xor());
    expect(table).toBe(
      [
        " x₁  x₂  target     output  class",
        "  0   0       0     0.1000  0 ✓",
        "  0   1       1     0.9000  1 ✓",
        "  1   0       1     0.4000  0 ✗",
        "  1   1       0    -0.2500  0 ✓",
        "3/4 on the right side of 0.5",
      ].join("\n"),
    );
  });

  it("prints an output that rounds to zero as 0.0000, never -0.0000", () => {
    const table = predictionTable(() => -0.00004, xor()); // toFixed(4) alone gives "-0.0000"
    expect(table.split("\n")[1]).toBe("  0   0       0     0.0000  0 ✓");
    expect(table).not.toContain("-0.0000");
  });
});

describe("regressionTable", () => {
  it("lists each point's target, output and error, then the mean squared error and the largest error", () => {
    const data = {
      name: "two",
      x: [
        [0.5, -0.25],
        [-1, 1],
      ],
      y: [0.125, 0],
    };
    // Errors 0.225 − 0.125 = 0.1 and −0.5 − 0 = −0.5: mean square (0.1² + 0.5²)/2 = 0.13.
    const outputs = [0.225, -0.5];
    const table = regressionTable((x) => outputs[x[0]! > 0 ? 0 : 1]!, data);
    expect(table).toBe(
      [
        "    x₁     x₂  target     output    error",
        " 0.500 -0.250   0.125     0.2250   0.1000",
        "    -1      1       0    -0.5000  -0.5000",
        "mean squared error 0.130000, largest error 0.5000",
      ].join("\n"),
    );
  });
});
