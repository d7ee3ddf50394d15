import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { assignmentRun } from "@gradbook/train";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../src/main.ts";

// The settings TF Playground has knobs for, checked against numbers worked out apart from the run.

const folder = mkdtempSync(join(tmpdir(), "gradbook-cli-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function xor(...flags: string[]): string {
  let text = "";
  const out = { write: (s: string) => void (text += s) };
  expect(main(["xor", ...flags, "--out", folder], out, out), text).toBe(0);
  return text;
}

/** The loss the log prints for epoch 0 when that epoch is one step on all four points, before its update: the loss at the initial weights. */
const initialLoss = (...flags: string[]) =>
  Number(
    /^Epoch: 0, Loss: ([\d.]+)/m.exec(
      xor("--epochs", "1", "--batch-size", "4", "--order", "fixed", ...flags),
    )![1],
  );

// The reference's 44 parameters in PyTorch's order: W1 (10), b1 (5), W2 (20), b2 (4), W3 (4), b3 (1).
const weights = [
  ...assignmentRun.init.slice(0, 10),
  ...assignmentRun.init.slice(15, 35),
  ...assignmentRun.init.slice(39, 43),
];

describe("pnpm xor's penalties", () => {
  it.each([
    ["--l1", 0.5, weights.reduce((s, w) => s + Math.abs(w), 0)], // λ·Σ|w|
    ["--l2", 0.5, weights.reduce((s, w) => s + (w * w) / 2, 0)], // λ/2·Σw²
  ])(
    "%s %s adds λ times its penalty over the 34 weights (not the biases) to the loss",
    (flag, lambda, penalty) => {
      expect(weights).toHaveLength(34);
      // The log prints six decimals: each of the two readings is within 5e-7 of the loss.
      expect(
        Math.abs(initialLoss(flag, String(lambda)) - initialLoss() - lambda * penalty),
      ).toBeLessThan(1e-6);
    },
  );
});

describe("pnpm xor's batches", () => {
  it("with --batch-size 4 takes one step an epoch on xor, and 2 steps of 3 and 1 points with --batch-size 3", () => {
    expect(xor("--batch-size", "4", "--epochs", "1")).toContain(
      "1 epochs of 1 step of up to 4 points",
    );
    expect(xor("--batch-size", "3", "--epochs", "1")).toContain(
      "1 epochs of 2 steps of up to 3 points",
    );
  });
});
