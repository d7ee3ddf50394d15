import type { Draw } from "@gradbook/neuron";
import { checkFans } from "./arguments.ts";

/**
 * LeCun normal: N(0, 1/fanIn), the assignment's `randn · √(1/n_in)` (which it calls Xavier's).
 *
 * A weighted sum of fanIn inputs of variance v, with weights of variance σ², has variance
 * fanIn·σ²·v; σ² = 1/fanIn keeps it at v. That is the forward pass alone, and for an activation
 * that is close to the identity near 0 (tanh, LeCun 1998): relu needs twice as much (He), and the
 * backward pass would want 1/fanOut (Xavier takes the harmonic mean of the two).
 *
 * This is the plain normal, as in the assignment; Keras's `lecun_normal` truncates it at two standard
 * deviations and rescales.
 *
 * @example
 * lecunNormal()(100, 10, rng); // std √(1/100) = 0.1
 */
// #region lecun
export function lecunNormal(): Draw {
  return (fanIn, fanOut, rng) => {
    checkFans("lecunNormal", fanIn, fanOut);
    // #region exercise:lecun
    return rng.normal() * Math.sqrt(1 / fanIn); // Var(w) = 1/fanIn: fanIn·Var(w) = 1
    // #endregion exercise:lecun
  };
}
// #endregion lecun
