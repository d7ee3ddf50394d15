// The order of a backward step's products is part of its result: floating-point multiplication
// is not associative, and lesson 07's compiled replay must reproduce the engine's gradients bit
// for bit, so it computes each op's derivative in the engine's order. A pow backward written as
// g·k·aᵏ⁻¹ is right to 15 digits and passes every tolerance test, then breaks lesson 07's replay
// property with nothing pointing back here (issue 29). This test points here.
import { describe, expect, it } from "vitest";
import * as math from "@gradbook/libm";
import { Value } from "../src/value.ts";

describe("pow's backward multiplies in the engine's order: k · aᵏ⁻¹ · g", () => {
  it("at a = 1.3, k = 3 with g = 0.1 arriving, where the other orders differ in the last bit", () => {
    const a = new Value(1.3);
    a.pow(3).mul(0.1).backward(); // mulK passes g = 0.1 down to the pow
    const engineOrder = 3 * math.pow(1.3, 2) * 0.1;
    expect(0.1 * 3 * math.pow(1.3, 2)).not.toBe(engineOrder); // so the order shows
    expect(
      a.grad,
      "compute k * pow(a, k - 1) * g, in that order: the compiled replay (lesson 07) does",
    ).toBe(engineOrder);
  });
});
