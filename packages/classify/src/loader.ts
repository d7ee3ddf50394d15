import type { Rng } from "@gradbook/neuron";
import { type Digits, inputs } from "./digits.ts";

/** One minibatch: which digits, their grey levels as `[indices.length, 784]` row by row, and their labels. */
export interface Batch {
  indices: number[];
  x: Float64Array;
  labels: number[];
}

/**
 * Serves a set of digits in minibatches of `batchSize`: each epoch shuffles the order with `rng`
 * (a new order every epoch, the same orders for the same seed), or keeps the stored order when
 * `rng` is null (for evaluation). The last batch is smaller when the size does not divide the set.
 *
 * @example
 * const loader = new Loader(train, 32, new Rng(1));
 * for (const batch of loader.epoch()) { ... } // 250 batches of 32 for 8,000 digits
 */
export class Loader {
  constructor(
    readonly set: Digits,
    readonly batchSize: number,
    private readonly rng: Rng | null,
  ) {
    if (!(Number.isInteger(batchSize) && batchSize >= 1))
      throw new RangeError(
        `Loader: expected a batch size that is a positive integer, got ${batchSize}`,
      );
    if (set.size === 0)
      throw new RangeError("Loader: expected at least one digit, got an empty set");
  }

  /** How many batches one epoch has. */
  get batches(): number {
    return Math.ceil(this.set.size / this.batchSize);
  }

  /** The index order of the next epoch, cut into batches: draws from the generator when there is one. */
  order(): number[][] {
    const order = Array.from({ length: this.set.size }, (_, i) => i);
    this.rng?.shuffle(order); // Fisher–Yates, seeded
    const batches: number[][] = [];
    for (let start = 0; start < order.length; start += this.batchSize)
      batches.push(order.slice(start, start + this.batchSize));
    return batches;
  }

  /** The next epoch's batches, each built when it is reached (a batch of 32 is 200 KB of float64). */
  *epoch(): Generator<Batch> {
    for (const indices of this.order())
      yield {
        indices,
        x: inputs(this.set, indices),
        labels: indices.map((i) => this.set.labels[i]!),
      };
  }
}
