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

/**
 * One draw, checked: an initializer that returns NaN or ±Infinity would poison every value
 * computed from the parameter, so it is stopped here, named.
 */
export function draw(
  d: Draw,
  what: "weight" | "bias",
  fanIn: number,
  fanOut: number,
  rng: Rng,
): number {
  const x = d(fanIn, fanOut, rng);
  if (typeof x !== "number" || !Number.isFinite(x)) {
    throw new RangeError(
      `init.${what}: expected a finite number for fanIn ${fanIn}, fanOut ${fanOut}, got ${String(x)}`,
    );
  }
  return x;
}
