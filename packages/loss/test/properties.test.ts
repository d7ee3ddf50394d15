// Properties on random inputs: backward() against finite differences (gradcheck), and identities
// that tie the losses to each other.
import { gradcheck, Value } from "@gradbook/autograd";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  bceLoss,
  bceWithLogitsLoss,
  crossEntropyLoss,
  hingeLoss,
  l1Loss,
  type LossOptions,
  mseLoss,
} from "../src/index.ts";
import { expectClose } from "@gradbook/testing";

/** Numbers in [min, max] on a grid of 1e-6: no subnormals, which would make a difference quotient noise. */
const real = (min: number, max: number) =>
  fc.integer({ min: Math.round(min * 1e6), max: Math.round(max * 1e6) }).map((i) => i / 1e6);
/** Both signs, magnitude in [min, max]: away from a kink at 0. */
const awayFromZero = (min: number, max: number) =>
  fc.tuple(real(min, max), fc.boolean()).map(([x, neg]) => (neg ? -x : x));
const reduction = fc.constantFrom<"mean" | "sum">("mean", "sum");
const sign = fc.constantFrom(-1, 1);

type Batch = (pred: Value[], target: number[], opts?: LossOptions) => Value;

/**
 * gradcheck of `f` at `inputs`: each partial within 1e-6 relative of the central difference, or
 * within 1e-9 absolute where the partial is nearly 0 and the relative error is rounding noise
 * (the difference quotient's rounding is about ε·|f|/h ≈ 1e-10 here).
 */
function passes(f: (...xs: Value[]) => Value, inputs: number[]): boolean {
  const report = gradcheck(f, inputs);
  if (!report.rows.every((r) => r.error <= 1e-6 || Math.abs(r.analytic - r.numeric) <= 1e-9))
    expect.fail(String(report));
  return true;
}

/** gradcheck of `loss` with respect to the predictions, the targets held fixed. */
function checks(loss: Batch, pred: number[], target: number[], opts: LossOptions): boolean {
  return passes((...ys) => loss(ys, target, opts), pred);
}

describe("gradcheck on random batches of 1 to 5", () => {
  it("l1Loss, away from the kink at the target", () => {
    const batch = fc.array(fc.tuple(real(-5, 5), awayFromZero(0.01, 5)), {
      minLength: 1,
      maxLength: 5,
    });
    fc.assert(
      fc.property(batch, reduction, (pairs, r) =>
        checks(
          l1Loss,
          pairs.map(([t, d]) => t + d),
          pairs.map(([t]) => t),
          { reduction: r },
        ),
      ),
    );
  });

  it("mseLoss, away from the target, where the partial 2(y − t)/n is not rounding noise", () => {
    const batch = fc.array(fc.tuple(real(-5, 5), awayFromZero(0.01, 5)), {
      minLength: 1,
      maxLength: 5,
    });
    fc.assert(
      fc.property(batch, reduction, (pairs, r) =>
        checks(
          mseLoss,
          pairs.map(([t, d]) => t + d),
          pairs.map(([t]) => t),
          { reduction: r },
        ),
      ),
    );
  });

  it("bceLoss, p in [0.05, 0.95] and at least 0.05 from t, where the partial is not rounding noise", () => {
    const pair = fc.tuple(real(0.05, 0.95), real(0, 1)).filter(([p, t]) => Math.abs(p - t) >= 0.05);
    const batch = fc.array(pair, { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(batch, reduction, (pairs, r) =>
        checks(
          bceLoss,
          pairs.map(([p]) => p),
          pairs.map(([, t]) => t),
          { reduction: r },
        ),
      ),
    );
  });

  it("bceWithLogitsLoss", () => {
    const batch = fc.array(fc.tuple(real(-10, 10), real(0, 1)), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(batch, reduction, (pairs, r) =>
        checks(
          bceWithLogitsLoss,
          pairs.map(([x]) => x),
          pairs.map(([, t]) => t),
          { reduction: r },
        ),
      ),
    );
  });

  it("hingeLoss, away from the kink at the margin", () => {
    // score = y·(1 + d): the margin y·s − 1 = d is never near 0
    const batch = fc.array(fc.tuple(sign, awayFromZero(0.01, 3)), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(batch, reduction, (pairs, r) =>
        checks(
          hingeLoss,
          pairs.map(([y, d]) => y * (1 + d)),
          pairs.map(([y]) => y),
          { reduction: r },
        ),
      ),
    );
  });

  it("crossEntropyLoss", () => {
    const sample = fc
      .array(real(-6, 6), { minLength: 2, maxLength: 5 })
      .chain((xs) => fc.tuple(fc.constant(xs), fc.nat(xs.length - 1)));
    fc.assert(fc.property(sample, ([xs, t]) => passes((...ys) => crossEntropyLoss(ys, t), xs)));
  });
});

/** f at x and df/dx by backward(). */
function valueAndGrad(x: number, f: (z: Value) => Value): [number, number] {
  const z = new Value(x);
  const out = f(z);
  out.backward();
  return [out.data, z.grad];
}

describe("identities", () => {
  it("bceWithLogitsLoss(x, t) is bceLoss(σ(x), t), value and gradient", () => {
    fc.assert(
      fc.property(real(-8, 8), real(0, 1), (x, t) => {
        const a = valueAndGrad(x, (z) => bceWithLogitsLoss([z], [t]));
        const b = valueAndGrad(x, (z) => bceLoss([z.sigmoid()], [t]));
        expectClose(a[0], b[0], 1e-9);
        expectClose(a[1], b[1], 1e-9, 1e-12);
      }),
    );
  });

  it("two-class cross-entropy is BCE with logits on the difference of the logits", () => {
    // softmax(a, b)₁ = e^b / (e^a + e^b) = σ(b − a)
    fc.assert(
      fc.property(real(-20, 20), real(-20, 20), (a, b) => {
        expectClose(
          crossEntropyLoss([a, b], 1).data,
          bceWithLogitsLoss([b - a], [1]).data,
          1e-12,
          1e-15,
        );
        expectClose(
          crossEntropyLoss([a, b], 0).data,
          bceWithLogitsLoss([b - a], [0]).data,
          1e-12,
          1e-15,
        );
      }),
    );
  });

  it("'sum' is n times 'mean', and every loss is ≥ 0", () => {
    const batch = fc.array(fc.tuple(real(-3, 3), sign), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(batch, (pairs) => {
        const ys = pairs.map(([y]) => y);
        const labels = pairs.map(([, s]) => s);
        const zeroOne = labels.map((s) => (s + 1) / 2);
        for (const [loss, target] of [
          [l1Loss, zeroOne],
          [mseLoss, zeroOne],
          [bceWithLogitsLoss, zeroOne],
          [hingeLoss, labels],
        ] as const) {
          const mean = loss(ys, target).data;
          expect(mean).toBeGreaterThanOrEqual(0);
          expectClose(loss(ys, target, { reduction: "sum" }).data, ys.length * mean, 1e-14);
        }
      }),
    );
  });
});
