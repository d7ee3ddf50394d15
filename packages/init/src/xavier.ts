import type { Draw } from "@gradbook/neuron";
import { uniformWithStd } from "./bound.ts";
import { checkFans, finite } from "./arguments.ts";

/**
 * Glorot & Bengio's (2010) standard deviation: `gain·√(2/(fanIn + fanOut))`.
 *
 * The forward pass keeps the variance of the activations when fanIn·Var(w) = 1, the backward pass
 * keeps the variance of the gradients when fanOut·Var(w) = 1. Both hold only when the fans are
 * equal; Var(w) = 2/(fanIn + fanOut) is the compromise (the harmonic mean of 1/fanIn and 1/fanOut).
 */
// #region xavier
function xavierStd(fanIn: number, fanOut: number, gain: number): number {
  // #region exercise:xavier
  return gain * Math.sqrt(2 / (fanIn + fanOut)); // Var(w) = gain²·2/(fanIn + fanOut)
  // #endregion exercise:xavier
}
// #endregion xavier

/**
 * Xavier (Glorot) normal, PyTorch's `xavier_normal_`: N(0, std²) with
 * `std = gain·√(2/(fanIn + fanOut))`.
 *
 * @param gain a factor for the activation after the layer, e.g. `calculateGain("tanh")` (default 1)
 * @example
 * xavierNormal()(100, 50, rng); // std √(2/150) ≈ 0.1155
 */
export function xavierNormal(gain = 1): Draw {
  finite("xavierNormal", "gain", gain, true);
  return (fanIn, fanOut, rng) => {
    checkFans("xavierNormal", fanIn, fanOut);
    return rng.normal(0, xavierStd(fanIn, fanOut, gain));
  };
}

/**
 * Xavier (Glorot) uniform, PyTorch's `xavier_uniform_`: U(−a, a) with
 * `a = gain·√(6/(fanIn + fanOut))`, the uniform with the same variance as {@link xavierNormal}.
 *
 * @param gain a factor for the activation after the layer, e.g. `calculateGain("tanh")` (default 1)
 * @example
 * xavierUniform()(100, 50, rng); // on [−0.2, 0.2): √(6/150) = 0.2
 */
export function xavierUniform(gain = 1): Draw {
  finite("xavierUniform", "gain", gain, true);
  return (fanIn, fanOut, rng) => {
    checkFans("xavierUniform", fanIn, fanOut);
    return uniformWithStd(rng, xavierStd(fanIn, fanOut, gain)); // a = √3·std = gain·√(6/(fanIn + fanOut))
  };
}
