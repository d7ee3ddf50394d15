// Lesson 06's problems beyond the loop it builds: two numbers to predict about the sampler, which
// the tests then measure on it.

/**
 * The expected fraction of n points that one epoch of n draws with replacement (one point per
 * step, each uniform, as `lcgOrder` draws) never picks.
 */
export function expectedUnseen(n: number): number {
  // #region exercise:unseen
  return (1 - 1 / n) ** n; // each draw misses a given point with chance 1 − 1/n, independently
  // #endregion exercise:unseen
}

/**
 * The expected number of draws, with replacement and each uniform over n points, until every
 * point has been drawn at least once: how long the LCG sampler takes, on average, to show the
 * network all of its data.
 */
export function expectedDrawsToSeeAll(n: number): number {
  // #region exercise:draws-to-see-all
  // With k points seen, a draw shows a new one with chance (n − k)/n: n/(n − k) draws on average.
  let draws = 0;
  for (let k = 0; k < n; k++) draws += n / (n - k);
  return draws;
  // #endregion exercise:draws-to-see-all
}
