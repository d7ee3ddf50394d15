import { CLASSES } from "./digits.ts";

/** The share of predictions equal to their labels. */
export function accuracy(predicted: ArrayLike<number>, labels: ArrayLike<number>): number {
  sameLength("accuracy", predicted, labels);
  let right = 0;
  for (let i = 0; i < labels.length; i++) if (predicted[i] === labels[i]) right++;
  return right / labels.length;
}

/** An interval for a proportion: its low and high ends. */
export interface Interval {
  low: number;
  high: number;
}

/**
 * The Wilson score interval for a proportion after `k` successes in `n` trials, at `z` standard
 * errors (1.96: 95%): the proportions p whose normal test |p̂ − p| ≤ z·√(p(1 − p)/n) does not
 * reject. Unlike p̂ ± z·√(p̂(1 − p̂)/n) it stays inside [0, 1] and is not empty at p̂ = 1:
 *
 *   centre = (p̂ + z²/2n) / (1 + z²/n),   half = z/(1 + z²/n) · √(p̂(1 − p̂)/n + z²/4n²)
 *
 * @example
 * wilson(963, 1000); // { low: 0.9494…, high: 0.9730… }
 */
export function wilson(k: number, n: number, z = 1.96): Interval {
  if (!(Number.isInteger(n) && n > 0)) throw new RangeError(`wilson: expected n, the number of trials, to be a positive integer, got ${n}`);
  if (!(Number.isInteger(k) && k >= 0 && k <= n)) throw new RangeError(`wilson: expected k, the successes, to be an integer in [0, ${n}], got ${k}`);
  if (!(z > 0 && Number.isFinite(z))) throw new RangeError(`wilson: expected z > 0, got ${z}`);
  // #region exercise:wilson Solve (p̂ − p)² = z²·p(1 − p)/n for p: the two roots are centre ± half (the formulas above)
  const p = k / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
  // #endregion exercise:wilson
}

/**
 * The confusion matrix: `matrix[t][p]` counts the digits of true class t predicted as p. The
 * diagonal holds the right answers; a row sums to how many of that class there are.
 */
export function confusionMatrix(predicted: ArrayLike<number>, labels: ArrayLike<number>, classes = CLASSES): number[][] {
  sameLength("confusionMatrix", predicted, labels);
  const inRange = (c: number) => Number.isInteger(c) && c >= 0 && c < classes;
  // #region exercise:confusion One row per true class, one column per predicted class: count each (label, prediction) pair
  const matrix = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  for (let i = 0; i < labels.length; i++) {
    const [t, p] = [labels[i]!, predicted[i]!];
    if (!inRange(t) || !inRange(p)) throw new RangeError(`confusionMatrix: expected classes 0 … ${classes - 1}, got label ${t} and prediction ${p} at ${i}`);
    matrix[t]![p]!++;
  }
  return matrix;
  // #endregion exercise:confusion
}

function sameLength(what: string, predicted: ArrayLike<number>, labels: ArrayLike<number>): void {
  if (predicted.length !== labels.length || labels.length === 0) {
    throw new RangeError(`${what}: expected as many predictions as labels, at least one, got ${predicted.length} and ${labels.length}`);
  }
}
