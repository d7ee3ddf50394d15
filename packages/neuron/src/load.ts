import type { Module } from "./module.ts";

/**
 * Sets every parameter of `model` from a flat list of numbers, in the order of
 * `model.parameters()` (for an MLP, PyTorch's: layer by layer, `W` row-major, then `b`), so that
 * weights can be copied from a PyTorch `state_dict` or a reference file. Gradients are left as
 * they are.
 *
 * Throws unless `flat` holds exactly one finite number per parameter.
 *
 * @example
 * const model = new MLP(2, [2, 1], { outputActivation: "linear" });
 * // W1 = [[1, 1], [1, 1]], b1 = [−0.5, −1.5], W2 = [[1, −1]], b2 = [0]
 * loadParameters(model, [1, 1, 1, 1, -0.5, -1.5, 1, -1, 0]);
 */
export function loadParameters(model: Module, flat: ArrayLike<number>): void {
  const params = model.parameters();
  if (flat.length !== params.length) {
    throw new RangeError(
      `loadParameters: expected ${params.length} numbers for ${String(model)}, got ${flat.length}`,
    );
  }
  // Check them all before setting any: a failed load leaves the model as it was.
  for (let i = 0; i < flat.length; i++) {
    const x = flat[i];
    if (typeof x !== "number" || !Number.isFinite(x)) {
      throw new TypeError(
        `loadParameters: expected finite numbers, got ${String(x)} at index ${i}`,
      );
    }
  }
  for (let i = 0; i < params.length; i++) params[i]!.data = flat[i]!;
}

/** The data of every parameter of `model` as a flat list, in the order of `model.parameters()`: the inverse of {@link loadParameters}. */
export function parameterData(model: Module): number[] {
  return model.parameters().map((p) => p.data);
}
