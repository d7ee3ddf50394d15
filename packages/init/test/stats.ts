// Sample statistics and their standard errors, for tests that check a distribution by drawing
// from it. The tolerances are 5 standard errors: a correct initializer fails by chance about
// once in 3.5 million runs (and the seeds are fixed, so a test that passes keeps passing).
import type { Draw } from "@gradbook/neuron";
import { Rng } from "@gradbook/neuron";

/** `n` draws of `draw` for a layer with the given fans, from a generator seeded with `seed`. */
export function sample(
  draw: Draw,
  fanIn: number,
  fanOut: number,
  n: number,
  seed = 1,
): Float64Array {
  const rng = new Rng(seed);
  const xs = new Float64Array(n);
  for (let i = 0; i < n; i++) xs[i] = draw(fanIn, fanOut, rng);
  return xs;
}

export function mean(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i]!;
  return s / xs.length;
}

/** The unbiased sample variance. */
export function variance(xs: ArrayLike<number>): number {
  const m = mean(xs);
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += (xs[i]! - m) ** 2;
  return s / (xs.length - 1);
}

/** The standard error of the sample mean of `n` draws with variance `sigma2`: σ/√n. */
export function meanError(sigma2: number, n: number): number {
  return Math.sqrt(sigma2 / n);
}

/**
 * The standard error of the sample variance of `n` draws with variance `sigma2` and kurtosis
 * `kurtosis`: σ²·√((κ − 1)/n), with κ = 3 for a normal and 9/5 for a uniform.
 */
export function varianceError(sigma2: number, kurtosis: number, n: number): number {
  return sigma2 * Math.sqrt((kurtosis - 1) / n);
}

/** The standard error of a fraction p estimated from `n` draws: √(p(1 − p)/n). */
export function fractionError(p: number, n: number): number {
  return Math.sqrt((p * (1 - p)) / n);
}
