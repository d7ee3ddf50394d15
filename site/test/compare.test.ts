import { describe, expect, it } from "vitest";
import { agreement } from "../src/client/compare.ts";

// The Run button compares a block's output in the browser with the recorded one; browsers round
// Math.exp and its kin differently from Node, so the numbers a training loop prints may differ.

describe("comparing a browser's output with the recorded output", () => {
  it.each([
    ["loss 0.25\n", "loss 0.25\n", "same"],
    ["lr 0.3   loss 5.1e-31\n", "lr 0.3   loss 5.3e-31\n", "numbers"],
    ["Epoch: 2000, Loss: 0.311827\n", "Epoch: 2000, Loss: 0.312014\n", "numbers"],
    ["  1   1       0    -0.3520  0 ✓\n", "  1   1       0     0.3520  0 ✓\n", "numbers"], // padding follows the digits
    ["  1   1       0    -0.3520  0 ✓\n", "  1   1       0     0.5520  1 ✗\n", "different"],
    ["loss 0.25\n", "Loss 0.25\n", "different"],
    ["[ 1, 2 ]\n", "[ 1, 2, 3 ]\n", "different"],
  ] as const)("%j against %j: %s", (expected, actual, verdict) => {
    expect(agreement(expected, actual)).toBe(verdict);
  });
});
