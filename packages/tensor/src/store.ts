import { checkShape, fmt, sizeOf } from "./shape.ts";
import { Tensor } from "./tensor.ts";
import { even, scratchLength, simdMemory } from "./wasm/simd.ts";

/** One parameter of a store: its first values, row-major, and its shape. */
export interface ParameterPart {
  values: ArrayLike<number>;
  shape: readonly number[];
}

/** Which store each stored parameter belongs to. */
const owner = new WeakMap<Tensor, ParameterStore>();

/**
 * A model's parameters in one flat array, in the order of PyTorch's `parameters_to_vector` (which
 * copies them into one vector; here the parameters live there): every parameter's `data` is a
 * view of one range, every `grad` a view of a second range in the same order, and a third range
 * is there for an optimizer's state (SGD's momentum). PyTorch's closest analogues are DDP's
 * `gradient_as_bucket_view=True` (gradients as views of flat buckets) and FSDP's `FlatParameter`.
 * So an optimizer steps every parameter in one loop, and for a model of at least
 * {@link ParameterStore.simdFrom} parameters the store is a WebAssembly memory where the step's
 * SIMD kernels run (`wasm/simd.ts`). The memory is sized once: growing it would detach every view.
 *
 * Every parameter shares the store's one buffer: `p.data.buffer` is the whole store. To send a
 * parameter's numbers (to a worker, say), copy them (`p.data.slice()`): transferring the buffer
 * detaches every parameter of a plain store, and a WebAssembly memory's buffer cannot be detached
 * (Node copies it; a browser refuses). Each WebAssembly memory also reserves ~10 GiB of address
 * space (V8, 64-bit): with some 12,900 SIMD stores alive the engine refuses another, and from
 * then on every new store is a plain array (the same numbers, without SIMD) for the rest of the
 * process.
 *
 * @example
 * const [weight, bias] = new ParameterStore([
 *   { values: [1, 2, 3, 4, 5, 6], shape: [2, 3] },
 *   { values: [0, 0], shape: [2] },
 * ]).params; // weight.data and bias.data: views of the store's `data`
 */
export class ParameterStore {
  /**
   * From this many parameters up a store lives in a SIMD memory. Below, each step's fixed costs
   * (copying a point's x, g and gx into the scratch and back, calling into WebAssembly) outweigh
   * what the two lanes save: one measurement of 2 → h → h → 1, µs a step with SIMD and without:
   * 105 parameters 11.80 and 6.94, 337: 14.60 and 14.41, 1,185: 20.78 and 22.12, 2,157: 24.26
   * and 28.41, 4,417: 31.54 and 43.90. Setting a store up is cheap either way (~90 µs a model).
   */
  static readonly simdFrom = 2048;
  /** The parameters, leaves that require a gradient, in the order of the parts. */
  readonly params: readonly Tensor[];
  /** Every parameter's values, one after the other. */
  readonly data: Float64Array;
  /** Every parameter's gradient, in the same order; each `params[i].grad` starts as its view. */
  readonly grad: Float64Array;
  /** Whether the store lives in a WebAssembly memory with the SIMD kernels. */
  readonly simd: boolean;
  /** The views the parameters' grads start as, to tell whether one was replaced. */
  readonly #gradViews: readonly Float64Array[];
  /** The optimizer state's range, until an optimizer claims it. */
  #state: Float64Array | null;

  /**
   * Parameters holding `parts`' values. `simd`: whether to use a SIMD memory (where available);
   * by default from {@link ParameterStore.simdFrom} parameters up.
   */
  constructor(parts: readonly ParameterPart[], opts: { simd?: boolean } = {}) {
    const shapes = parts.map((part) => checkShape("ParameterStore", part.shape));
    const n = shapes.reduce((sum, shape) => sum + sizeOf(shape), 0);
    const stride = even(n); // each range starts 16-byte aligned
    const scratch = scratchLength(Math.max(0, ...shapes.flat()));
    const wantSimd = opts.simd ?? n >= ParameterStore.simdFrom;
    const memory = wantSimd ? simdMemory(3 * stride + scratch, scratch) : null;
    const floats = memory ?? new Float64Array(3 * stride);
    this.simd = memory !== null;
    this.data = floats.subarray(0, n);
    this.grad = floats.subarray(stride, stride + n);
    this.#state = floats.subarray(2 * stride, 2 * stride + n);
    let at = 0;
    this.params = parts.map(({ values }, k) => {
      const shape = shapes[k]!;
      const size = sizeOf(shape);
      if (values.length !== size)
        throw new RangeError(
          `ParameterStore: expected ${size} values for shape ${fmt(shape)}, got ${values.length}`,
        );
      const p = new Tensor(this.data.subarray(at, at + size), shape, true);
      p.data.set(values);
      p.grad = this.grad.subarray(at, at + size);
      owner.set(p, this);
      at += size;
      return p;
    });
    this.#gradViews = this.params.map((p) => p.grad!);
  }

  /** The store whose parameters are exactly `params`, in its order; undefined if there is none. */
  static of(params: readonly Tensor[]): ParameterStore | undefined {
    const store = params.length === 0 ? undefined : owner.get(params[0]!);
    const whole =
      store !== undefined &&
      store.params.length === params.length &&
      store.params.every((p, i) => p === params[i]);
    return whole ? store : undefined;
  }

  /**
   * The optimizer-state range (zeros, one per parameter, in their order) for the first optimizer
   * that claims it, to keep for good; null for any later one, which keeps state of its own.
   */
  claimState(): Float64Array | null {
    const state = this.#state;
    this.#state = null;
    return state;
  }

  /** Whether every parameter's grad is still its view of `grad` (nobody replaced one). */
  gradsInPlace(): boolean {
    return this.params.every((p, i) => p.grad === this.#gradViews[i]);
  }
}
