import { describe, expect, it } from "vitest";
import {
  classifies,
  lcgOrder,
  onProgress,
  PlainMLP,
  plainFit,
  type Recipe,
  sweep,
  xor,
} from "../src/index.ts";

// Initial parameters that depend on the assignment in a simple, reproducible way (not the assignment init:
// these tests check the bookkeeping, not the statistics).
const init = (seed: number) =>
  Array.from({ length: 44 }, (_, i) => Math.sin(seed * 7.1 + i * 1.3) * 1.5);
const seeds = Array.from({ length: 12 }, (_, i) => i);
const assignmentRecipe: Recipe = { name: "L1 + momentum", loss: "l1", lr: 0.02, momentum: 0.9 };

describe("sweep", () => {
  it("with lr far too small to move the net, reports the seeds whose initial net classifies XOR", () => {
    // A net built by hand: h₁ ≈ OR, h₂ ≈ AND (tanh(±5) ≈ ±1), g = tanh(h₁ − h₂) ≈ 0, 0.96, 0.96, 0
    // on the four corners, and y = s·g + (1 − s)/2: y = g for s = 1 (right everywhere), y = 1 − g
    // for s = −1 (wrong everywhere). Even seeds get s = 1, odd ones s = −1.
    const handmade = (seed: number) => {
      const s = seed % 2 === 0 ? 1 : -1;
      const W1 = [10, 10, 10, 10, 0, 0, 0, 0, 0, 0];
      const b1 = [-5, -15, 0, 0, 0];
      const W2 = [1, -1, 0, 0, 0, ...new Array(15).fill(0)];
      return [...W1, ...b1, ...W2, 0, 0, 0, 0, s, 0, 0, 0, (1 - s) / 2];
    };
    const still: Recipe = { name: "still", loss: "mse", lr: 1e-300, momentum: 0 };
    const [result] = sweep(xor(), {
      sizes: [2, 5, 4, 1],
      seeds,
      init: handmade,
      recipes: [still],
      epochs: 3,
      from: 0,
      sampler: () => lcgOrder(),
    });
    const even = seeds.filter((s) => s % 2 === 0);
    expect(result!.classified).toEqual(even);
    expect(result!.stays).toEqual(even);
    expect(result!.share).toEqual(seeds.map((s) => (s % 2 === 0 ? 1 : 0)));
  });

  it("counts a run that stays correct only if it is correct at the end: stays ⊆ classified", () => {
    const results = sweep(xor(), {
      sizes: [2, 5, 4, 1],
      seeds,
      init,
      recipes: [assignmentRecipe],
      epochs: 300,
      from: 100,
      sampler: () => lcgOrder(),
    });
    for (const r of results) expect(r.stays.every((s) => r.classified.includes(s))).toBe(true);
  });

  it("with a window of only the last epoch, stays is classified", () => {
    const [r] = sweep(xor(), {
      sizes: [2, 5, 4, 1],
      seeds,
      init,
      recipes: [assignmentRecipe],
      epochs: 200,
      from: 199,
      sampler: () => lcgOrder(),
    });
    expect(r!.stays).toEqual(r!.classified);
  });

  it.each([-1, 5, 1.5])("rejects the window start %d for 5 epochs", (from) => {
    expect(() =>
      sweep(xor(), {
        sizes: [2, 5, 4, 1],
        seeds,
        init,
        recipes: [assignmentRecipe],
        epochs: 5,
        from,
        sampler: () => lcgOrder(),
      }),
    ).toThrow(`sweep: expected from in [0, epochs), got ${from} with 5 epochs`);
  });

  it("runs each recipe's output and decay, and keeps the final outputs: the same as plainFit with them", () => {
    const recipe: Recipe = {
      name: "tanh out, decay",
      loss: "l1",
      lr: 0.02,
      momentum: 0.9,
      decay: 0.01,
      output: "tanh",
    };
    const few = [0, 1, 2, 3];
    const [r] = sweep(xor(), {
      sizes: [2, 5, 4, 1],
      seeds: few,
      init,
      recipes: [recipe],
      epochs: 200,
      from: 199,
      sampler: () => lcgOrder(),
    });
    const byHand = few.map((seed) => {
      const net = new PlainMLP([2, 5, 4, 1], init(seed), "tanh");
      plainFit(net, xor(), {
        loss: "l1",
        lr: 0.02,
        momentum: 0.9,
        decay: 0.01,
        epochs: 200,
        sampler: lcgOrder(),
      });
      return xor().x.map((x) => net.forward(x)[0]!);
    });
    expect(r!.outputs).toEqual(byHand);
    expect(r!.classified).toEqual(few.filter((_, k) => classifies(byHand[k]!, xor().y)));
    for (const ys of r!.outputs) for (const y of ys) expect(Math.abs(y)).toBeLessThan(1); // a tanh output
  });

  it("tells a progress listener before each seed and at the end, and nothing once it is cleared", () => {
    const told: [number, number][] = [];
    onProgress((done, total) => told.push([done, total]));
    try {
      sweep(xor(), {
        sizes: [2, 5, 4, 1],
        seeds: [4, 5, 6],
        init,
        recipes: [assignmentRecipe],
        epochs: 2,
        from: 0,
        sampler: () => lcgOrder(),
      });
    } finally {
      onProgress(undefined);
    }
    expect(told).toEqual([
      [0, 3],
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    sweep(xor(), {
      sizes: [2, 5, 4, 1],
      seeds: [4],
      init,
      recipes: [assignmentRecipe],
      epochs: 2,
      from: 0,
      sampler: () => lcgOrder(),
    });
    expect(told).toHaveLength(4);
  });
});
