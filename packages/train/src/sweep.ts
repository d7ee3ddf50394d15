import type { Dataset } from "./datasets.ts";
import { PlainMLP } from "./plain.ts";
import { plainFit } from "./plain-fit.ts";
import { reportProgress } from "./progress-listener.ts";
import { classifies } from "./report.ts";
import type { Sampler } from "./sampler.ts";

/** One training recipe of a {@link sweep}. */
export interface Recipe {
  name: string;
  loss: "l1" | "mse";
  lr: number;
  momentum: number;
  /** Inverse-time learning-rate decay, as in `plainFit`. @default 0 */
  decay?: number;
  /** The output layer's activation. @default "linear" */
  output?: "linear" | "tanh";
}

/** What a {@link sweep} runs. */
export interface SweepOptions {
  /** Layer sizes of the net, `[2, 5, 4, 1]` for the assignment's. */
  sizes: readonly number[];
  /** The seeds: each starts every recipe from the same initial parameters, `init(seed)`. */
  seeds: readonly number[];
  /** The initial parameters for a seed, flat in PyTorch's order. */
  init: (seed: number) => ArrayLike<number>;
  recipes: readonly Recipe[];
  epochs: number;
  /** The first epoch of the window through whose every epoch-end a run must stay correct. */
  from: number;
  /** A fresh sampler for each run: every run sees the same order. */
  sampler: () => Sampler;
  /** The output at which the predicted class changes. @default 0.5 */
  threshold?: number;
}

/** How one recipe fared over the seeds. */
export interface SweepResult {
  recipe: Recipe;
  /** The seeds whose run classifies every point after the last epoch. */
  classified: number[];
  /** The seeds whose run classifies every point after each epoch from `from` to the last. */
  stays: number[];
  /** For each seed, in order: the share of the epochs from `from` to the last after which the run classifies every point. */
  share: number[];
  /** For each seed, in order: the outputs for the data points after the last epoch. */
  outputs: number[][];
}

/**
 * Trains the net from each seed's initial parameters with each recipe and records which runs
 * classify the data at the end, and which stay correct through the last epochs. Runs on
 * {@link PlainMLP}: the same arithmetic as the `Value` engine, without building a graph per step.
 */
export function sweep(data: Dataset, opts: SweepOptions): SweepResult[] {
  const { sizes, seeds, init, recipes, epochs, from, sampler, threshold = 0.5 } = opts;
  if (!(Number.isInteger(from) && from >= 0 && from < epochs))
    throw new RangeError(`sweep: expected from in [0, epochs), got ${from} with ${epochs} epochs`);
  const outputs = new Float64Array(data.x.length);
  const results: SweepResult[] = recipes.map((recipe) => ({
    recipe,
    classified: [],
    stays: [],
    share: [],
    outputs: [],
  }));
  for (const [done, seed] of seeds.entries()) {
    reportProgress(done, seeds.length);
    const start = init(seed);
    for (const result of results) {
      const net = new PlainMLP(sizes, start, result.recipe.output);
      let correct = false; // at the latest epoch-end
      let stays = true; // at every epoch-end from `from` on
      let count = 0; // epoch-ends from `from` on with every point right
      plainFit(net, data, {
        ...result.recipe,
        epochs,
        sampler: sampler(),
        onEpoch: (epoch) => {
          if (epoch < from) return;
          data.x.forEach((x, i) => (outputs[i] = net.forward(x)[0]!));
          correct = classifies(outputs, data.y, threshold);
          stays &&= correct;
          if (correct) count++;
        },
      });
      if (correct) result.classified.push(seed);
      if (stays) result.stays.push(seed);
      result.share.push(count / (epochs - from));
      result.outputs.push(Array.from(outputs));
    }
  }
  reportProgress(seeds.length, seeds.length);
  return results;
}
