// Lesson 07's problems: last use and depth on a graph worked by hand and on a traced training
// step (against the definitions), and pairwise summation against exact sums.
import { Value } from "@gradbook/autograd";
import { mseLoss } from "@gradbook/loss";
import { MLP } from "@gradbook/neuron";
import { describe, expect, it } from "vitest";
import { record, type Recording } from "../src/trace.ts";
import { depth, lastUse, pairwiseSum } from "../src/variants.ts";

/** c = a·b, d = c + a, e = tanh d, f = e·c: four nodes in this order. */
function small(): Recording {
  const [a, b] = [new Value(0.5), new Value(-2)];
  const c = a.mul(b);
  const f = c.add(a).tanh().mul(c);
  return record(
    { loss: f, outputs: [] },
    new Map([
      [a, 0],
      [b, 1],
    ]),
  );
}

/** One traced step of the assignment's 2 → 5 → 4 → 1 network on one XOR point. */
function step(): Recording {
  const model = new MLP(2, [5, 4, 1], { activation: "tanh", outputActivation: "linear" });
  const params = model.parameters();
  const out = model.forward([1, 0]);
  return record({ loss: mseLoss(out, [1]), outputs: out }, new Map(params.map((p, i) => [p, i])));
}

const readers = (r: Recording, i: number) =>
  r.nodes.flatMap((_, j) => (r.refA[j] === i || r.refB[j] === i ? [j] : []));

describe("lastUse", () => {
  it("is [3, 2, 3, −1] on the small graph, by hand", () => {
    expect(small().nodes).toHaveLength(4);
    expect(lastUse(small())).toEqual([3, 2, 3, -1]);
  });

  it("is, on a traced training step, the last of each node's readers", () => {
    const r = step();
    const last = lastUse(r);
    r.nodes.forEach((_, i) => expect(last[i]).toBe(readers(r, i).at(-1) ?? -1));
  });
});

describe("depth", () => {
  it("is [1, 2, 3, 4] on the small graph, by hand", () => {
    expect(depth(small())).toEqual([1, 2, 3, 4]);
  });

  it("is, on a traced training step, one more than the deepest operand", () => {
    const r = step();
    const d = depth(r);
    const of = (ref: number) => (ref >= 0 ? d[ref]! : 0);
    r.nodes.forEach((_, i) => expect(d[i]).toBe(1 + Math.max(of(r.refA[i]!), of(r.refB[i]!))));
    // A neuron adds its products one after another: the loss sits behind a chain of ~20 operations.
    expect(Math.max(...d)).toBe(d.at(-1));
  });
});

describe("pairwiseSum", () => {
  it("adds 2²⁰ copies of 0.1 exactly (each level doubles, exactly), where the loop drifts", () => {
    const xs = Array<number>(1 << 20).fill(0.1);
    let loop = 0;
    for (const x of xs) loop += x;
    expect(pairwiseSum(xs)).toBe(0.1 * 2 ** 20);
    expect(Math.abs(loop - 0.1 * 2 ** 20)).toBeGreaterThan(1e-7);
  });

  it("keeps a million tenths within 1e-9 of 100000, a thousand times closer than the loop", () => {
    const xs = Array<number>(1_000_000).fill(0.1);
    let loop = 0;
    for (const x of xs) loop += x;
    expect(Math.abs(pairwiseSum(xs) - 100_000)).toBeLessThan(1e-9);
    expect(Math.abs(loop - 100_000)).toBeGreaterThan(1e-6);
  });

  it("sums small lists, a slice, and nothing", () => {
    expect(pairwiseSum([])).toBe(0);
    expect(pairwiseSum([7])).toBe(7);
    expect(pairwiseSum([1, 2, 3, 4, 5])).toBe(15);
    expect(pairwiseSum([1, 2, 3, 4, 5], 1, 4)).toBe(9);
  });
});
