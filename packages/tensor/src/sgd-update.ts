// TEMPORARY: a copy of the update rule the `table` engineer is landing in @gradbook/optim
// (`sgdUpdate`); replaced by an import from @gradbook/optim as soon as it lands.
/** SGD's settings with defaults filled in. */
export interface SGDSettings {
  readonly lr: number;
  readonly momentum: number;
  readonly dampening: number;
  readonly nesterov: boolean;
  readonly weightDecay: number;
}

/** PyTorch's SGD update over flat arrays. */
export function sgdUpdate(params: Float64Array, grads: Float64Array, momentumBuffer: Float64Array, settings: SGDSettings, first: boolean): void {
  const { lr, momentum, dampening, nesterov, weightDecay } = settings;
  for (let i = 0; i < params.length; i++) {
    let d = grads[i]!;
    if (weightDecay !== 0) d += weightDecay * params[i]!;
    if (momentum !== 0) {
      const b = first ? d : momentum * momentumBuffer[i]! + (1 - dampening) * d;
      momentumBuffer[i] = b;
      d = nesterov ? d + momentum * b : b;
    }
    params[i]! -= lr * d;
  }
}
