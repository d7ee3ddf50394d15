// How far a measured share could be from the true one: a sweep of 200 seeds estimates how often a
// recipe learns XOR, and another 200 seeds, or another implementation whose rounding sends each
// chaotic run elsewhere, would measure another share. The interval says how far.

/**
 * Wilson's score interval for a proportion: where the true share of successes lies, at the
 * confidence that `z` sets (1.96: 95%), after `successes` in `trials`.
 *
 * p̂ = k/n, centre (p̂ + z²/2n) / (1 + z²/n), half-width z·√(p̂(1 − p̂)/n + z²/4n²) / (1 + z²/n).
 * Unlike p̂ ± z·√(p̂(1 − p̂)/n) it stays inside [0, 1] and is not empty at 0 or n successes.
 * @example wilson(165, 200) // [0.766, 0.871]: 82.5% measured on 200 seeds
 */
export function wilson(successes: number, trials: number, z = 1.96): [number, number] {
  if (!Number.isInteger(trials) || trials < 1)
    throw new RangeError(`wilson: trials must be a positive integer, got ${trials}`);
  if (!Number.isInteger(successes) || successes < 0 || successes > trials) {
    throw new RangeError(
      `wilson: successes must be an integer from 0 to trials (${trials}), got ${successes}`,
    );
  }
  const p = successes / trials;
  const z2 = (z * z) / trials;
  const centre = (p + z2 / 2) / (1 + z2);
  const half = (z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials))) / (1 + z2);
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/**
 * The normal interval for a mean, x̄ ± z·s/√n with s the sample standard deviation: where the
 * mean of many more draws like `xs` would lie, at the confidence that `z` sets (1.96: 95%).
 * @example meanInterval([1, 2, 3, 4]) // [1.235, 3.765]: 2.5 ± 1.96 · 1.291/2
 */
export function meanInterval(xs: readonly number[], z = 1.96): [number, number] {
  if (xs.length < 2)
    throw new RangeError(`meanInterval: needs at least 2 numbers, got ${xs.length}`);
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const variance = xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1);
  const half = z * Math.sqrt(variance / xs.length);
  return [mean - half, mean + half];
}
