/** SGD's settings as the update rule reads them: {@link SGDOptions} with every default filled in. */
export interface SGDSettings {
  /** The learning rate η. */
  readonly lr: number;
  /** The momentum μ (0: no buffer). */
  readonly momentum: number;
  /** The dampening τ. */
  readonly dampening: number;
  /** Whether to step along `d + μ·b` instead of `b`. */
  readonly nesterov: boolean;
  /** The L2 penalty λ. */
  readonly weightDecay: number;
}

/**
 * SGD's update, PyTorch's `torch.optim.SGD` arithmetic exactly, over flat arrays: for each i,
 * with d = `grads[i]`,
 *
 * ```text
 * d ← d + λ·p                          weight decay (λ ≠ 0)
 * b ← d on the first step,             momentum buffer (μ ≠ 0)
 *     μ·b + (1 − τ)·d after it
 * d ← d + μ·b with nesterov, else b
 * p ← p − η·d
 * ```
 *
 * `params` and `momentumBuffer` are updated in place; `grads` is only read. `first` says
 * whether this is the first step, whose buffer is the raw direction d, not `(1 − τ)·d` (PyTorch
 * starts it so). Every SGD of the course steps through here: `SGD` over Values, the compiled
 * step's `SlotSGD`, the hand-derived twin and the tensor `SGD`, but for one case: the tensor
 * `SGD` over a wide model's parameter store runs the usual case ({@link plainMomentum}) as a
 * WebAssembly SIMD loop, this loop's compiled twin, tested bit-equal to it.
 *
 * @example
 * // one parameter, momentum 0.9: the first step moves by lr·g, the second by lr·(0.9·g + g)
 * const p = Float64Array.of(1), g = Float64Array.of(0.5), b = new Float64Array(1);
 * const settings = { lr: 0.1, momentum: 0.9, dampening: 0, nesterov: false, weightDecay: 0 };
 * sgdUpdate(p, g, b, settings, true); // p[0] = 1 − 0.1·0.5 = 0.95
 * sgdUpdate(p, g, b, settings, false); // b[0] = 0.9·0.5 + 0.5 = 0.95, p[0] = 0.95 − 0.095
 */
// #region sgd-update
export function sgdUpdate(
  params: Float64Array,
  grads: Float64Array,
  momentumBuffer: Float64Array,
  settings: SGDSettings,
  first: boolean,
): void {
  const { lr, momentum, dampening, nesterov, weightDecay } = settings;
  // The usual case, momentum alone after the first step, calls the loop with the other settings
  // written out as constants: V8 compiles that call's copy of the loop with their branches
  // removed, about twice as fast. One loop either way, the same numbers.
  if (plainMomentum(settings, first))
    update(params, grads, momentumBuffer, lr, momentum, 0, false, 0, false);
  else update(params, grads, momentumBuffer, lr, momentum, dampening, nesterov, weightDecay, first);
}

/**
 * Whether a step is SGD's usual case, momentum alone after the first step: b ← μ·b + d,
 * p ← p − η·b. {@link sgdUpdate} runs it as a loop of its own, and so does the tensor step's
 * SIMD kernel (`@gradbook/tensor`), tested bit-equal to this one.
 */
export function plainMomentum(settings: SGDSettings, first: boolean): boolean {
  const { momentum, dampening, nesterov, weightDecay } = settings;
  return momentum !== 0 && dampening === 0 && !nesterov && weightDecay === 0 && !first;
}

/** {@link sgdUpdate}'s loop, with its settings as arguments. */
function update(
  params: Float64Array,
  grads: Float64Array,
  momentumBuffer: Float64Array,
  lr: number,
  momentum: number,
  dampening: number,
  nesterov: boolean,
  weightDecay: number,
  first: boolean,
): void {
  for (let i = 0; i < params.length; i++) {
    let d = grads[i]!; // the direction of this step, built up in three stages
    // #region exercise:weight-decay
    if (weightDecay !== 0) d += weightDecay * params[i]!; // d(½·λ·p²)/dp = λ·p
    // #endregion exercise:weight-decay
    if (momentum !== 0) {
      // #region exercise:momentum
      // The buffer sums past directions, each weighted μ times the one after it. Its first
      // value is d itself, not (1 − τ)·d: PyTorch starts it so.
      const b = first ? d : momentum * momentumBuffer[i]! + (1 - dampening) * d; // b ← μ·b + (1 − τ)·d
      momentumBuffer[i] = b;
      d = nesterov ? d + momentum * b : b; // Nesterov: d + μ·b, the next buffer if the gradient stayed d
      // #endregion exercise:momentum
    }
    // #region exercise:sgd
    params[i]! -= lr * d; // p ← p − η·d
    // #endregion exercise:sgd
  }
}
// #endregion sgd-update
