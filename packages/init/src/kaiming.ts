import type { Draw } from "@gradbook/neuron";
import { uniformWithStd } from "./bound.ts";
import { show } from "@gradbook/autograd";
import { checkFans, finite } from "./arguments.ts";
import { calculateGain, type Nonlinearity, nonlinearities } from "./gain.ts";

/** Options of {@link heNormal} and {@link heUniform}, as PyTorch's `kaiming_normal_` and `kaiming_uniform_`. */
export interface KaimingOptions {
  /** The negative slope of the leaky relu after the layer (PyTorch's `a`); only `'leaky_relu'` uses it. @default 0 */
  a?: number;
  /**
   * The fan whose variance is kept: `'fanIn'` keeps the activations' variance in the forward
   * pass, `'fanOut'` the gradients' variance in the backward pass. @default "fanIn"
   */
  mode?: "fanIn" | "fanOut";
  /** The activation after the layer, which sets the gain ({@link calculateGain}). @default "leaky_relu" (with a = 0, relu's gain √2) */
  nonlinearity?: Nonlinearity;
}

/**
 * He et al.'s (2015) standard deviation: `gain/√fan`, that is `√(2/fanIn)` for relu.
 *
 * relu passes the positive half of a symmetric input and zeroes the rest, so it halves the second
 * moment: E[relu(z)²] = Var(z)/2. A weighted sum of fanIn such outputs has variance
 * fanIn·Var(w)·Var(z)/2; Var(w) = 2/fanIn keeps it from layer to layer.
 */
// #region he
function heStd(fan: number, gain: number): number {
  // #region exercise:he
  return gain / Math.sqrt(fan); // Var(w) = gain²/fan
  // #endregion exercise:he
}
// #endregion he

/**
 * He (Kaiming) normal, PyTorch's `kaiming_normal_`: N(0, std²) with `std = gain/√fan`, where
 * `gain = calculateGain(nonlinearity, a)` and `fan` is fanIn or fanOut as `mode` says.
 * The defaults (leaky_relu with a = 0, fanIn) give relu's `std = √(2/fanIn)`.
 *
 * @example
 * heNormal()(100, 10, rng);                       // std √(2/100) ≈ 0.1414
 * heNormal({ nonlinearity: "tanh" })(100, 10, rng); // std (5/3)/√100 ≈ 0.1667
 * heNormal({ mode: "fanOut" })(100, 10, rng);     // std √(2/10) ≈ 0.4472
 */
export function heNormal(opts: KaimingOptions = {}): Draw {
  const { mode, gain } = kaiming("heNormal", opts);
  return (fanIn, fanOut, rng) => {
    checkFans("heNormal", fanIn, fanOut);
    return rng.normal(0, heStd(mode === "fanIn" ? fanIn : fanOut, gain));
  };
}

/**
 * He (Kaiming) uniform, PyTorch's `kaiming_uniform_`: U(−a, a) with `a = √3·gain/√fan`, the
 * uniform with the same variance as {@link heNormal}: `√(6/fanIn)` for relu.
 *
 * PyTorch's default for `Linear` weights is this with `a = √5` (leaky_relu gain √(1/3)), which
 * comes down to U(−1/√fanIn, 1/√fanIn): see {@link pytorchDefault}.
 *
 * @example
 * heUniform()(100, 10, rng); // on [−0.2449, 0.2449): √(6/100)
 */
export function heUniform(opts: KaimingOptions = {}): Draw {
  const { mode, gain } = kaiming("heUniform", opts);
  return (fanIn, fanOut, rng) => {
    checkFans("heUniform", fanIn, fanOut);
    return uniformWithStd(rng, heStd(mode === "fanIn" ? fanIn : fanOut, gain));
  };
}

/** The options checked once, when the initializer is made: the fan to use and the gain. */
function kaiming(where: string, opts: KaimingOptions): { mode: "fanIn" | "fanOut"; gain: number } {
  if (typeof opts !== "object" || opts === null)
    throw new TypeError(`${where}: expected an options object, got ${show(opts)}`);
  const { a = 0, mode = "fanIn", nonlinearity = "leaky_relu" } = opts;
  if (mode !== "fanIn" && mode !== "fanOut")
    throw new RangeError(`${where}: expected mode "fanIn" or "fanOut", got ${show(mode)}`);
  if (!nonlinearities.includes(nonlinearity)) {
    throw new RangeError(
      `${where}: unknown nonlinearity ${show(nonlinearity)}: expected one of ${nonlinearities.join(", ")}`,
    );
  }
  finite(where, "negative slope a", a);
  return { mode, gain: calculateGain(nonlinearity, a) };
}
