import type { Draw } from "@gradbook/neuron";
import { checkFans, finite } from "./arguments.ts";

// The plain initializers: a fixed number, or a fixed distribution that ignores the layer's fans.
// They still check the fans, so that every Draw of this package rejects a layer that cannot exist.

/**
 * Every value 0 (PyTorch's `zeros_`): the usual start for biases, and a lesson in what goes wrong
 * when used for weights (every unit of a layer stays the same as its neighbours). Draws nothing
 * from the generator.
 *
 * @example
 * new MLP(2, [5, 4, 1], { init: { weight: heNormal(), bias: zeros() } });
 */
export function zeros(): Draw {
  return fill("zeros", 0);
}

/**
 * Every value `c` (PyTorch's `constant_`). Draws nothing from the generator.
 *
 * @example
 * constant(0.5)(2, 5, rng); // 0.5
 */
export function constant(c: number): Draw {
  return fill("constant", c);
}

/** A Draw that returns `c` every time, checking the fans it is given. */
function fill(where: string, c: number): Draw {
  finite(where, "value", c);
  return (fanIn, fanOut) => {
    checkFans(where, fanIn, fanOut);
    return c;
  };
}

/**
 * Normal draws N(mean, std²) (PyTorch's `normal_`, defaults N(0, 1)), whatever the layer's size.
 *
 * @example
 * normal(0, 0.1)(100, 100, rng); // a draw with standard deviation 0.1
 */
export function normal(mean = 0, std = 1): Draw {
  return normalNamed("normal", mean, std);
}

/** {@link normal}, with errors that name it `where` (for the presets built on it). */
export function normalNamed(where: string, mean: number, std: number): Draw {
  finite(where, "mean", mean);
  finite(where, "std", std, true);
  return (fanIn, fanOut, rng) => {
    checkFans(where, fanIn, fanOut);
    return rng.normal(mean, std);
  };
}

/**
 * Uniform draws on [a, b) (PyTorch's `uniform_`, default [0, 1)), whatever the layer's size.
 *
 * @example
 * uniform(-1, 1)(2, 5, rng); // micrograd's weights
 */
export function uniform(a = 0, b = 1): Draw {
  finite("uniform", "lower bound a", a);
  finite("uniform", "upper bound b", b);
  if (!(a <= b)) throw new RangeError(`uniform: expected a ≤ b, got a = ${a}, b = ${b}`);
  return (fanIn, fanOut, rng) => {
    checkFans("uniform", fanIn, fanOut);
    return rng.uniform(a, b);
  };
}

/**
 * "Small random" weights, `N(0, 1)·scale` (the assignment's `randn · 0.01`): random enough to break the
 * symmetry, but with a scale that ignores the layer's size, so that in a deep net the activations
 * shrink by a factor `scale·√fanIn` per layer and vanish.
 *
 * @example
 * smallRandom()(100, 100, rng); // N(0, 1)·0.01
 */
export function smallRandom(scale = 0.01): Draw {
  finite("smallRandom", "scale", scale, true);
  return (fanIn, fanOut, rng) => {
    checkFans("smallRandom", fanIn, fanOut);
    return rng.normal() * scale; // std = scale, whatever fanIn is
  };
}
