import type { Activation } from "./activation.ts";
import type { Init } from "./init.ts";
import { Rng } from "./rng.ts";

/** How a {@link Neuron} or a {@link Layer} is built: its activation and where its first weights come from. */
export interface NeuronOptions {
  /** The function applied to the weighted sum. @default "tanh" */
  activation?: Activation;
  /** Draws the first weights and biases: `@gradbook/init`'s initializers plug in here. @default defaultInit (weights U(−1, 1), biases 0) */
  init?: Init;
  /** Seeds a new {@link Rng} for the draws; the same seed gives the same weights everywhere. @default 0 */
  seed?: number;
  /** A generator to draw from instead (shared, so that several modules continue one stream). */
  rng?: Rng;
}

/** The generator the options ask for: `rng` if given, else a new one from `seed` (default 0). */
export function rngOf(where: string, opts: { seed?: number; rng?: Rng }): Rng {
  if (opts.rng !== undefined && opts.seed !== undefined) {
    throw new TypeError(
      `${where}: expected a seed or an rng, not both, got seed ${opts.seed} and an rng`,
    );
  }
  return opts.rng ?? new Rng(opts.seed ?? 0);
}
