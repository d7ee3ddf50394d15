import type { Rng } from "@gradbook/neuron";
import { type Digits, pick } from "./digits.ts";

/** How many digits each part of a {@link split} gets. */
export interface SplitSizes {
  train: number;
  validation: number;
  test: number;
}

/** Three disjoint sets: one to train on, one to choose by (epochs, sizes, rates), one to report. */
export interface Split {
  train: Digits;
  validation: Digits;
  test: Digits;
}

/** The course's split of the `mnist` package's 10,000 digits. */
export const MNIST_SPLIT: SplitSizes = Object.freeze({ train: 8000, validation: 1000, test: 1000 });

/**
 * Shuffles the digits with `rng` and cuts them into training, validation and test sets of the
 * given sizes, in that order (digits left over are unused). The same seed gives the same split.
 *
 * @example
 * const { train, validation, test } = split(loadMnist(), new Rng(0), MNIST_SPLIT);
 */
export function split(set: Digits, rng: Rng, sizes: SplitSizes = MNIST_SPLIT): Split {
  const { train, validation, test } = sizes;
  for (const [name, n] of Object.entries(sizes)) {
    if (!(Number.isInteger(n) && n >= 0))
      throw new RangeError(`split: expected the ${name} size to be an integer ≥ 0, got ${n}`);
  }
  if (train + validation + test > set.size) {
    throw new RangeError(
      `split: asked for ${train} + ${validation} + ${test} digits, but the set holds ${set.size}`,
    );
  }
  const parts = splitIndices(set.size, rng, sizes);
  return {
    train: pick(set, parts.train),
    validation: pick(set, parts.validation),
    test: pick(set, parts.test),
  };
}

/** Which of `n` items each part of {@link split} takes: a seeded shuffle of 0 … n−1, cut in three. */
export function splitIndices(
  n: number,
  rng: Rng,
  sizes: SplitSizes,
): Record<keyof SplitSizes, number[]> {
  const { train, validation, test } = sizes;
  const order = rng.shuffle(Array.from({ length: n }, (_, i) => i));
  return {
    train: order.slice(0, train),
    validation: order.slice(train, train + validation),
    test: order.slice(train + validation, train + validation + test),
  };
}
