// Properties that tie the initializers to their formulas for any layer size and any seed: the
// same stream scaled by the right factor, bounds never crossed, the right fan used.
import { Rng } from "@gradbook/neuron";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { uniformBound } from "../src/bound.ts";
import {
  calculateGain,
  heNormal,
  heUniform,
  lecunNormal,
  pytorchDefault,
  xavierNormal,
  xavierUniform,
} from "../src/index.ts";

const fan = fc.integer({ min: 1, max: 1_000_000 });
const seed = fc.integer({ min: 0, max: 0xffffffff });
const close = (a: number, b: number) =>
  Math.abs(a - b) <= 1e-14 * Math.max(Math.abs(a), Math.abs(b));

describe("properties", () => {
  it("uniform initializers never leave their bound: Xavier √(6/(fanIn+fanOut)), He √(6/fanIn), PyTorch 1/√fanIn", () => {
    fc.assert(
      fc.property(fan, fan, seed, (fanIn, fanOut, s) => {
        const rng = new Rng(s);
        const within = (x: number, bound: number) => Math.abs(x) <= bound * (1 + 1e-12);
        for (let k = 0; k < 20; k++) {
          expect(within(xavierUniform()(fanIn, fanOut, rng), Math.sqrt(6 / (fanIn + fanOut)))).toBe(
            true,
          );
          expect(within(heUniform()(fanIn, fanOut, rng), Math.sqrt(6 / fanIn))).toBe(true);
          expect(
            within(heUniform({ mode: "fanOut" })(fanIn, fanOut, rng), Math.sqrt(6 / fanOut)),
          ).toBe(true);
          expect(within(pytorchDefault.weight(fanIn, fanOut, rng), 1 / Math.sqrt(fanIn))).toBe(
            true,
          );
          expect(within(pytorchDefault.bias(fanIn, fanOut, rng), 1 / Math.sqrt(fanIn))).toBe(true);
        }
      }),
    );
  });

  it("Xavier is symmetric in its fans; He uses only the fan its mode names", () => {
    fc.assert(
      fc.property(fan, fan, fan, seed, (a, b, c, s) => {
        expect(xavierNormal()(a, b, new Rng(s))).toBe(xavierNormal()(b, a, new Rng(s)));
        expect(heNormal()(a, b, new Rng(s))).toBe(heNormal()(a, c, new Rng(s)));
        expect(heUniform({ mode: "fanOut" })(a, b, new Rng(s))).toBe(
          heUniform({ mode: "fanOut" })(c, b, new Rng(s)),
        );
      }),
    );
  });

  it("the same stream, scaled: He(relu) = √2·LeCun, Xavier(gain) = gain·Xavier(1), He(tanh) = (5/3)·LeCun", () => {
    fc.assert(
      fc.property(
        fan,
        fan,
        seed,
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        (fanIn, fanOut, s, gain) => {
          const lecun = lecunNormal()(fanIn, fanOut, new Rng(s));
          expect(
            close(
              heNormal({ nonlinearity: "relu" })(fanIn, fanOut, new Rng(s)),
              Math.SQRT2 * lecun,
            ),
          ).toBe(true);
          expect(
            close(heNormal({ nonlinearity: "tanh" })(fanIn, fanOut, new Rng(s)), (5 / 3) * lecun),
          ).toBe(true);
          const xavier = xavierNormal()(fanIn, fanOut, new Rng(s));
          expect(close(xavierNormal(gain)(fanIn, fanOut, new Rng(s)), gain * xavier)).toBe(true);
          // With equal fans, Xavier's 2/(n + n) is LeCun's 1/n.
          expect(
            close(
              xavierNormal()(fanIn, fanIn, new Rng(s)),
              lecunNormal()(fanIn, fanIn, new Rng(s)),
            ),
          ).toBe(true);
        },
      ),
    );
  });

  it("PyTorch's Linear weights are Kaiming uniform with a = √5: the same draws as U(±1/√fanIn)", () => {
    fc.assert(
      fc.property(fan, fan, seed, (fanIn, fanOut, s) => {
        const kaiming = heUniform({ a: Math.sqrt(5) })(fanIn, fanOut, new Rng(s));
        // The bounds agree to rounding, and a draw is −a + 2a·u: near 0 that sum cancels, so the
        // draws agree to the bound's scale, not to their own (fanIn 1, Rng(612916106): 0.00435, 2.6e-14 apart relatively).
        const bound = 1 / Math.sqrt(fanIn);
        expect(
          Math.abs(kaiming - pytorchDefault.weight(fanIn, fanOut, new Rng(s))),
        ).toBeLessThanOrEqual(1e-14 * bound);
      }),
    );
  });

  it("a uniform with bound √3·std has that std: (2a)²/12 = std²", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1e6, noNaN: true }), (std) => {
        const a = uniformBound(std);
        expect(close((2 * a) ** 2 / 12, std * std)).toBe(true);
      }),
    );
    expect(uniformBound(calculateGain("relu") / 10)).toBeCloseTo(Math.sqrt(6 / 100), 15); // He uniform at fanIn 100
  });
});
