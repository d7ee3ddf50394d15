import type { Rng } from "./rng.ts";

/**
 * Draws one initial number for a layer with `fanIn` inputs and `fanOut` outputs: the hook
 * through which `@gradbook/init` plugs Xavier, He and the rest into {@link MLP}.
 */
export type Draw = (fanIn: number, fanOut: number, rng: Rng) => number;

/** How a layer's weights and biases get their first values. */
export interface Init {
  weight: Draw;
  bias: Draw;
}

/**
 * The default: weights uniform on [−1, 1), biases 0, as in micrograd. Simple, and good enough
 * for the small nets of the first lessons; lesson 04 shows why deep nets need better.
 */
export const defaultInit: Init = {
  weight: (_fanIn, _fanOut, rng) => rng.uniform(-1, 1),
  bias: () => 0,
};
