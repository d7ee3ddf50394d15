import type { Rng } from "@gradbook/neuron";

/**
 * Picks the data points of each training step. `fit` calls it once per epoch with the size of
 * the dataset; it returns that epoch's batches, each a list of indices into the data.
 */
export type Sampler = (n: number) => number[][];

/**
 * The reference's order: one point per step, `n` steps per epoch, drawn by a 32-bit linear
 * congruential generator that runs on across epochs.
 *
 * `s ← (1664525·s + 1013904223) mod 2³²`, then `index = ⌊s·n / 2³²⌋` (for the four XOR points,
 * `s >>> 30`). From `s₀ = 2` the first ten XOR indices are 0 1 0 2 2 0 0 1 2 2: the order in
 * which `../shared/reference/xor_training.json` was trained, which stands in for the notebook's
 * `np.random.randint(4)`.
 *
 * @example
 * const order = lcgOrder(2);
 * order(4); // [[0], [1], [0], [2]]: epoch 0
 * order(4); // [[2], [0], [0], [1]]: epoch 1 continues the stream
 */
export function lcgOrder(seed = 2): Sampler {
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new RangeError(`lcgOrder: expected a seed that is an integer in [0, 2³²), got ${seed}`);
  }
  let s = seed;
  // #region lcg
  return (n) => {
    const batches: number[][] = [];
    for (let step = 0; step < n; step++) {
      // #region exercise:lcg
      s = (Math.imul(1664525, s) + 1013904223) >>> 0; // update first, then read: the reference's order
      batches.push([Math.floor((s * n) / 4294967296)]); // s·n < 2⁵³: exact, and s >>> 30 for n = 4
      // #endregion exercise:lcg
    }
    return batches;
  };
  // #endregion lcg
}

/** One point per step, `n` steps per epoch, each drawn uniformly with `rng.int(n)`: the notebook's sampling, seeded. */
export function randomPoints(rng: Rng): Sampler {
  return (n) => Array.from({ length: n }, () => [rng.int(n)]);
}

/**
 * Mini-batches: each epoch shuffles the indices and cuts them into batches of `size` (the last
 * one smaller if `size` does not divide n), so every point is used once per epoch.
 */
export function shuffledBatches(rng: Rng, size: number): Sampler {
  if (!Number.isInteger(size) || size < 1) {
    throw new RangeError(
      `shuffledBatches: expected a batch size that is a positive integer, got ${size}`,
    );
  }
  return (n) => {
    const order = rng.shuffle(Array.from({ length: n }, (_, i) => i));
    const batches: number[][] = [];
    for (let start = 0; start < n; start += size) batches.push(order.slice(start, start + size));
    return batches;
  };
}
