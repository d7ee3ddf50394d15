// sgdUpdate on flat arrays: each entry is its own parameter. The hand-worked two steps of
// hand.test.ts (p = 1, g = 2 then 4, η = 0.5), applied to several parameters at once with
// different gradients, must give each one what it gives alone.
import { describe, expect, it } from "vitest";
import { sgdUpdate } from "../src/index.ts";

const plain = { lr: 0.5, momentum: 0, dampening: 0, nesterov: false, weightDecay: 0 };

describe("sgdUpdate", () => {
  it("updates each entry from its own gradient and buffer (momentum 0.5, dampening 0.5)", () => {
    const settings = { ...plain, momentum: 0.5, dampening: 0.5 };
    const p = Float64Array.of(1, 1, 0);
    const b = new Float64Array(3);
    sgdUpdate(p, Float64Array.of(2, 0, -4), b, settings, true);
    // first step: b = g (not (1 − τ)·g); p = p − 0.5·b
    expect([...b]).toEqual([2, 0, -4]);
    expect([...p]).toEqual([0, 1, 2]);
    sgdUpdate(p, Float64Array.of(4, 2, 0), b, settings, false);
    // b = 0.5·b + 0.5·g: 3, 1, −2; p = p − 0.5·b: −1.5, 0.5, 3
    expect([...b]).toEqual([3, 1, -2]);
    expect([...p]).toEqual([-1.5, 0.5, 3]);
  });

  it("reads grads without changing them, and leaves the buffer alone without momentum", () => {
    const grads = Float64Array.of(2, -2);
    const b = Float64Array.of(7, 7);
    const p = Float64Array.of(1, 1);
    sgdUpdate(p, grads, b, { ...plain, weightDecay: 0.5 }, true);
    // d = g + 0.5·p = 2.5, −1.5; p = 1 − 0.5·d
    expect([...p]).toEqual([-0.25, 1.75]);
    expect([...grads]).toEqual([2, -2]);
    expect([...b]).toEqual([7, 7]);
  });
});
