import { Value } from "@gradbook/autograd";
import { SGD } from "@gradbook/optim";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SlotSGD } from "../src/index.ts";

describe("SlotSGD", () => {
  it("moves the slots as SGD moves the Values, bit for bit, whatever the options", () => {
    const options = fc
      .record({
        lr: fc.double({ min: 0, max: 1, noNaN: true }),
        momentum: fc.constantFrom(0, 0.5, 0.9),
        dampening: fc.constantFrom(0, 0.1),
        weightDecay: fc.constantFrom(0, 0.01),
        nesterov: fc.boolean(),
      })
      .filter((o) => !o.nesterov || (o.momentum > 0 && o.dampening === 0));
    const grads = fc.array(
      fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 3, maxLength: 3 }),
      { minLength: 1, maxLength: 4 },
    );
    fc.assert(
      fc.property(options, grads, (opts, steps) => {
        const values = [0.5, -1, 2].map((x) => new Value(x));
        const sgd = new SGD(values, opts);
        const slots = new SlotSGD(3, opts);
        const params = Float64Array.from([0.5, -1, 2]);
        for (const g of steps) {
          values.forEach((v, i) => (v.grad = g[i]!));
          sgd.step();
          slots.step(params, Float64Array.from(g));
        }
        expect([...params]).toEqual(values.map((v) => v.data));
      }),
    );
  });
});
