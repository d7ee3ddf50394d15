import type { Draw } from "@gradbook/neuron";
import { checkFans } from "./arguments.ts";

/**
 * The standard deviation of a standard normal truncated to [−2, 2]: √(1 − 4φ(2)/(Φ(2) − Φ(−2))),
 * with φ and Φ the normal's density and distribution (computed with mpmath; Keras's constant).
 */
export const TRUNCATED_STD = 0.87962566103423975;

/**
 * Truncated LeCun normal, Keras's `lecun_normal`: a normal cut at two of its standard deviations
 * (no weight is an outlier), rescaled so that the variance is still LeCun's 1/fanIn.
 *
 * Every draw lies within ±2·√(1/fanIn)/0.8796 ≈ ±2.27·√(1/fanIn).
 *
 * @example
 * truncatedLecunNormal()(100, 10, rng); // std 0.1, never beyond ±0.227
 */
export function truncatedLecunNormal(): Draw {
  return (fanIn, fanOut, rng) => {
    checkFans("truncatedLecunNormal", fanIn, fanOut);
    // #region exercise:truncated
    let z = rng.normal();
    while (Math.abs(z) > 2) z = rng.normal(); // about 1 draw in 22 lies beyond: draw again
    return (z / TRUNCATED_STD) * Math.sqrt(1 / fanIn); // Var(z) = TRUNCATED_STD², so Var(w) = 1/fanIn
    // #endregion exercise:truncated
  };
}
