import { CLASSES } from "./digits.ts";

/** The share of predictions equal to their labels. */
export function accuracy(predicted: ArrayLike<number>, labels: ArrayLike<number>): number {
  sameLength("accuracy", predicted, labels);
  let right = 0;
  for (let i = 0; i < labels.length; i++) if (predicted[i] === labels[i]) right++;
  return right / labels.length;
}

/**
 * The confusion matrix: `matrix[t][p]` counts the digits of true class t predicted as p. The
 * diagonal holds the right answers; a row sums to how many of that class there are.
 */
export function confusionMatrix(
  predicted: ArrayLike<number>,
  labels: ArrayLike<number>,
  classes = CLASSES,
): number[][] {
  sameLength("confusionMatrix", predicted, labels);
  const inRange = (c: number) => Number.isInteger(c) && c >= 0 && c < classes;
  // #region exercise:confusion
  const matrix = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  for (let i = 0; i < labels.length; i++) {
    const [t, p] = [labels[i]!, predicted[i]!];
    if (!inRange(t) || !inRange(p))
      throw new RangeError(
        `confusionMatrix: expected classes 0 … ${classes - 1}, got label ${t} and prediction ${p} at ${i}`,
      );
    matrix[t]![p]!++;
  }
  return matrix;
  // #endregion exercise:confusion
}

function sameLength(what: string, predicted: ArrayLike<number>, labels: ArrayLike<number>): void {
  if (predicted.length !== labels.length || labels.length === 0) {
    throw new RangeError(
      `${what}: expected as many predictions as labels, at least one, got ${predicted.length} and ${labels.length}`,
    );
  }
}
