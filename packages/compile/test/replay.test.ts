import { topologicalOrder, Value } from "@gradbook/autograd";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileTape } from "../src/compile.ts";
import {
  OPS,
  backward as replayBackward,
  forward as replayForward,
  type Tape,
} from "../src/index.ts";

// Every op row of the engine, replayed from a tape, against the engine itself: the same bits for
// the result and for every gradient. Each graph uses its parameters several times, so the order
// in which gradients accumulate into one value is checked too.

/** Each op, applied to parameters a and b and a number k that comes from the data. */
const rows: [string, (a: Value, b: Value, k: number) => Value][] = [
  ["add", (a, b) => a.add(b)],
  ["addK", (a, _b, k) => a.add(k)],
  ["sub (neg, add)", (a, b) => a.sub(b)],
  ["subK (addK of −k)", (a, _b, k) => a.sub(k)],
  ["mul", (a, b) => a.mul(b)],
  ["mulK", (a, _b, k) => a.mul(k)],
  ["mul by itself", (a) => a.mul(a)],
  ["div", (a, b) => a.div(b)],
  ["divK", (a, _b, k) => a.div(k)],
  ["pow", (a, _b, k) => a.abs().add(0.5).pow(k)],
  ["pow 0", (a) => a.pow(0)],
  ["neg", (a) => a.neg()],
  ["exp", (a) => a.exp()],
  ["log", (a) => a.abs().add(0.1).log()],
  ["tanh", (a) => a.tanh()],
  ["relu", (a) => a.relu()],
  ["sigmoid", (a) => a.sigmoid()],
  ["softplus", (a) => a.softplus()],
  ["sin", (a) => a.sin()],
  ["cos", (a) => a.cos()],
  ["abs", (a) => a.abs()],
  ["a neuron's dot product", (a, b, k) => b.add(a.mul(k)).add(b.mul(a)).add(a.mul(2)).tanh()],
];

/** The step around the op: the result used twice, a and b used again, so gradients meet. */
function graph(op: (a: Value, b: Value, k: number) => Value, a: Value, b: Value, k: number): Value {
  const y = op(a, b, k);
  return y.mul(a).add(y.mul(b)).add(y);
}

/** Loads the data, replays forward and backward; returns the slots' values and gradients. */
function replay(
  tape: Tape,
  data: number[],
  params: number[],
): { v: Float64Array; g: Float64Array } {
  const v = tape.init.slice();
  const g = new Float64Array(tape.size);
  v.set(params);
  for (let l = 0; l < tape.loadSlot.length; l++)
    v[tape.loadSlot[l]!] = tape.loadSign[l]! * data[tape.loadIndex[l]!]!;
  replayForward(tape, v);
  replayBackward(tape, v, g);
  return { v, g };
}

const number = fc.oneof(
  fc.constantFrom(0, -0, 1, -1, 0.5),
  fc.double({ min: -3, max: 3, noNaN: true }),
);
const nonZero = number.filter((x) => x !== 0);

describe("a tape replays every op row with the engine's bits", () => {
  it("the cases below use every op a tape knows", () => {
    const used = new Set(
      rows.flatMap(([, op]) =>
        topologicalOrder(op(new Value(0.5), new Value(2), 3)).map((v) => v.op),
      ),
    );
    expect(OPS.filter((op) => !used.has(op))).toEqual([]);
  });

  it.each(rows)("%s", (_name, op) => {
    fc.assert(
      fc.property(number, nonZero, nonZero, (x, y, k) => {
        const [a, b] = [new Value(x), new Value(y)];
        const tape = compileTape((d) => ({ loss: graph(op, a, b, d[0]!), outputs: [] }), [a, b], {
          probes: [[0.37], [-1.21]],
        });
        const [pa, pb] = [new Value(x), new Value(y)];
        const root = graph(op, pa, pb, k);
        root.backward();
        const { v, g } = replay(tape, [k], [x, y]);
        expect(Object.is(v[tape.root], root.data)).toBe(true);
        expect([g[0], g[1]]).toEqual([pa.grad, pb.grad]); // toEqual tells +0 from −0 and NaN equals NaN
      }),
      { numRuns: 200 },
    );
  });
});

describe("a product used twice is not fused into a sum", () => {
  // p = w·x₀; out = (b + p) + p·u at w = 0.7, b = −0.2, u = 1.3, x₀ = 2: p = 1.4, out = 3.02,
  // d out/dw = x₀·(1 + u) = 4.6, d out/db = 1, d out/du = p = 1.4. Fusing p into b + p would
  // leave p·u reading a slot nothing writes (0): out 1.2, gradients [2, 1, 0].
  const step = (w: Value, b: Value, u: Value) => (d: readonly number[]) => {
    const p = w.mul(d[0]!);
    return { loss: b.add(p).add(p.mul(u)), outputs: [] };
  };

  it("replays the engine's loss 3.02 and gradients [4.6, 1, 1.4]", () => {
    const params = [new Value(0.7), new Value(-0.2), new Value(1.3)] as const;
    const tape = compileTape(step(...params), params, { probes: [[0.37], [-1.21]] });
    const engine = [new Value(0.7), new Value(-0.2), new Value(1.3)] as const;
    const root = step(...engine)([2]).loss;
    root.backward();
    const { v, g } = replay(tape, [2], [0.7, -0.2, 1.3]);
    expect(v[tape.root]).toBeCloseTo(3.02, 14);
    expect([g[0]!, g[1]!, g[2]!].map((x) => Number(x.toFixed(12)))).toEqual([4.6, 1, 1.4]);
    expect([v[tape.root], g[0], g[1], g[2]]).toEqual([root.data, ...engine.map((p) => p.grad)]); // the engine's bits
  });
});
