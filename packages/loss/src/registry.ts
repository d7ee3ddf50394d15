import type { Value } from "@gradbook/autograd";
import { bceLoss, bceWithLogitsLoss } from "./bce.ts";
import { hingeLoss } from "./hinge.ts";
import type { LossOptions } from "./reduction.ts";
import { l1Loss, mseLoss } from "./regression.ts";

/** A loss over a batch of predictions and their targets, returning one scalar `Value`. */
export type Loss = (
  pred: readonly (Value | number)[],
  target: readonly number[],
  opts?: LossOptions,
) => Value;

/**
 * The element-wise losses by the names a command line uses (`--loss bce-with-logits`).
 *
 * For a network with a linear output, like the assignment's XOR net, `l1`, `mse`, `bce-with-logits`
 * and `hinge` (with labels ±1) apply; `bce` wants probabilities, i.e. a sigmoid output.
 * `crossEntropyLoss` is not here: it takes one target class, not one target per output.
 */
export const losses = Object.freeze({
  l1: l1Loss,
  mse: mseLoss,
  bce: bceLoss,
  "bce-with-logits": bceWithLogitsLoss,
  hinge: hingeLoss,
} satisfies Record<string, Loss>);

/** One of the names in {@link losses}. */
export type LossName = keyof typeof losses;

/**
 * The loss called `name` in {@link losses}; throws a `RangeError` listing the names otherwise.
 * @example
 * const loss = lossByName("mse");
 * loss([new Value(3)], [1]).data; // 4
 */
export function lossByName(name: string): Loss {
  if (!Object.hasOwn(losses, name)) {
    throw new RangeError(
      `lossByName: expected one of ${Object.keys(losses).join(", ")}, got ${JSON.stringify(name)}`,
    );
  }
  return losses[name as LossName];
}
