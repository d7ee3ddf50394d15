import {
  type AdamOptions,
  type AdamSettings,
  adamUpdate,
  checkAdamOptions,
  checkSGDOptions,
  plainMomentum,
  type SGDOptions,
  type SGDSettings,
  sgdUpdate,
} from "@gradbook/optim";
import { zeroGrad } from "./backward.ts";
import { ParameterStore } from "./store.ts";
import { Tensor } from "./tensor.ts";
import { simdFor } from "./wasm/simd.ts";

/** What a tensor optimizer is: `@gradbook/optim`'s `Optimizer`, over tensors. */
export interface TensorOptimizer {
  readonly params: readonly Tensor[];
  lr: number;
  step(): void;
  zeroGrad(): void;
}

/** The parameters an optimizer steps, checked: tensors that require a gradient, each once. */
function parameterList(where: string, params: readonly Tensor[]): readonly Tensor[] {
  if (!Array.isArray(params) || params.length === 0)
    throw new TypeError(
      `${where}: expected a non-empty array of parameter tensors, got ${String(params)}`,
    );
  params.forEach((p, i) => {
    if (!(p instanceof Tensor) || !p.requiresGrad)
      throw new TypeError(
        `${where}: expected tensors that require a gradient, got ${String(p)} at index ${i}`,
      );
    const first = params.indexOf(p);
    if (first !== i)
      throw new RangeError(
        `${where}: expected each parameter once, got the same tensor at indices ${first} and ${i}`,
      );
  });
  return params.slice();
}

/**
 * `@gradbook/optim`'s `SGD` over tensors: PyTorch's `torch.optim.SGD`, the same update rule
 * (`sgdUpdate`) applied to each parameter's data and grad arrays, so the bits are the scalar
 * optimizer's. A parameter whose grad was never filled steps with a zero gradient, as a scalar
 * parameter with grad 0 does.
 *
 * Over a whole model's parameters in a {@link ParameterStore} (an `MLP`'s, in order), the first
 * SGD made with momentum keeps its buffers in the store's state range, for good, and steps every
 * parameter in one loop (in SIMD for a wide model). Any other SGD over them, made later or
 * without momentum, keeps buffers of its own and steps parameter by parameter: the same
 * numbers, only slower.
 *
 * @example
 * const optimizer = new SGD(model.parameters(), { lr: 0.02, momentum: 0.9 });
 * optimizer.zeroGrad();
 * loss.backward();
 * optimizer.step();
 */
export class SGD implements TensorOptimizer {
  readonly params: readonly Tensor[];
  /** The settings, defaults filled in; `lr` changes through the `lr` setter. */
  #settings: SGDSettings;
  readonly #buffers: readonly Float64Array[];
  #steps = 0;

  /** The store of a whole model's parameters and its state range, when this SGD holds it; else null. */
  readonly #flat: { store: ParameterStore; buffer: Float64Array } | null = null;

  constructor(params: readonly Tensor[], opts: SGDOptions) {
    this.#settings = checkSGDOptions("SGD", opts);
    this.params = parameterList("SGD", params);
    const store = ParameterStore.of(this.params);
    const buffer = store !== undefined && this.#settings.momentum !== 0 ? store.claimState() : null;
    if (store === undefined || buffer === null) {
      this.#buffers = Object.freeze(this.params.map((p) => new Float64Array(p.size)));
      return;
    }
    // The buffers as views of the store's state range, in the parameters' order, so one loop
    // steps them all.
    this.#flat = { store, buffer };
    let at = 0;
    this.#buffers = Object.freeze(this.params.map((p) => buffer.subarray(at, (at += p.size))));
  }

  /**
   * One momentum buffer per parameter, shaped like its data: write into them (to restore a
   * checkpoint, say); the array is frozen, as a buffer put in its place would not be stepped.
   */
  get momentumBuffers(): readonly Float64Array[] {
    return this.#buffers;
  }

  /** How many steps have been taken. */
  get steps(): number {
    return this.#steps;
  }

  /** The learning rate of the next step; setting it checks it. */
  get lr(): number {
    return this.#settings.lr;
  }

  set lr(lr: number) {
    this.#settings = checkSGDOptions("SGD", { ...this.#settings, lr });
  }

  /** One update of every parameter from its grad. */
  step(): void {
    const first = this.#steps === 0;
    const flat = this.#flat;
    if (flat?.store.gradsInPlace()) stepAll(flat.store, flat.buffer, this.#settings, first);
    else
      this.params.forEach((p, i) =>
        sgdUpdate(
          p.data,
          p.grad ?? new Float64Array(p.size),
          this.#buffers[i]!,
          this.#settings,
          first,
        ),
      );
    this.#steps++;
  }

  /** Zeroes every parameter's grad: call it before each `backward()`. */
  zeroGrad(): void {
    zeroGrad(this.params);
  }
}

/**
 * One SGD step of every parameter of a store, in one loop over its ranges: `sgdUpdate`, or in its
 * usual case in a SIMD memory, the SIMD kernel that is its compiled form (the same bits).
 */
function stepAll(
  store: ParameterStore,
  buffer: Float64Array,
  settings: SGDSettings,
  first: boolean,
): void {
  const { data, grad } = store;
  const simd = simdFor(data);
  const done =
    simd !== undefined && plainMomentum(settings, first)
      ? simd.sgd(data, grad, buffer, settings.lr, settings.momentum)
      : 0;
  if (done < data.length)
    sgdUpdate(data.subarray(done), grad.subarray(done), buffer.subarray(done), settings, first);
}

/**
 * `@gradbook/optim`'s `Adam` over tensors: PyTorch's `torch.optim.Adam`, the same update rule
 * (`adamUpdate`) applied to each parameter's arrays with one step count, so the bits are the
 * scalar optimizer's.
 */
export class Adam implements TensorOptimizer {
  readonly params: readonly Tensor[];
  #settings: AdamSettings;
  /** The first moment m of each parameter, shaped like its data. */
  readonly expAvg: Float64Array[];
  /** The second moment v of each parameter. */
  readonly expAvgSq: Float64Array[];
  #steps = 0;

  constructor(params: readonly Tensor[], opts: AdamOptions = {}) {
    this.#settings = checkAdamOptions("Adam", opts);
    this.params = parameterList("Adam", params);
    this.expAvg = this.params.map((p) => new Float64Array(p.size));
    this.expAvgSq = this.params.map((p) => new Float64Array(p.size));
  }

  /** How many steps have been taken: t of the last step. */
  get steps(): number {
    return this.#steps;
  }

  /** The learning rate of the next step; setting it checks it. */
  get lr(): number {
    return this.#settings.lr;
  }

  set lr(lr: number) {
    this.#settings = checkAdamOptions("Adam", { ...this.#settings, lr });
  }

  /** One update of every parameter from its grad. */
  step(): void {
    const t = ++this.#steps;
    this.params.forEach((p, i) =>
      adamUpdate(
        p.data,
        p.grad ?? new Float64Array(p.size),
        this.expAvg[i]!,
        this.expAvgSq[i]!,
        this.#settings,
        t,
      ),
    );
  }

  /** Zeroes every parameter's grad: call it before each `backward()`. */
  zeroGrad(): void {
    zeroGrad(this.params);
  }
}
