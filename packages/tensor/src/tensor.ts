import { show } from "@gradbook/autograd";
import { backward } from "./backward.ts";
import { binary, unary } from "./elementwise.ts";
import { gather, reshape, transpose } from "./layout.ts";
import { matmul } from "./matmul.ts";
import { mean, sum } from "./reduce.ts";
import { checkShape, fmt, sizeOf } from "./shape.ts";
import { logSoftmax } from "./softmax.ts";
import { ops } from "@gradbook/autograd";

/** How a tensor was made: `requiresGrad` asks `backward()` for its gradient. */
export interface TensorOptions {
  /** Track the operations on this tensor, so that `backward()` fills its `grad`. @default false */
  requiresGrad?: boolean;
}

/** Numbers nested in arrays as deep as the tensor has axes: `[[1, 2], [3, 4]]` is a 2 × 2 matrix. */
export type Nested = number | readonly Nested[];

/** Passes `out.grad` back to the grads of the tensors `out` was computed from (one step of the chain rule). */
export type Backward = (out: Tensor) => void;

/**
 * An array of float64 numbers with a shape, stored row-major in one `Float64Array`, that remembers
 * how it was computed: the scalar engine's `Value`, one array at a time.
 *
 * Element `[i, j]` of a `[m, n]` tensor is `data[i·n + j]`. Operations make new tensors; a result
 * requires a gradient when any operand does, and only then records its operands and its step of
 * the chain rule. `backward()` on a one-element result fills `grad` of every tensor it was
 * computed from that requires one.
 *
 * @example
 * const w = tensor([[1, 2], [3, 4]], { requiresGrad: true });
 * const x = tensor([[1], [-1]]);
 * const loss = w.matmul(x).tanh().sum(); // tanh(W·x), summed
 * loss.backward();                       // w.grad: d loss / d W, shaped like w
 */
export class Tensor {
  /** The size of each axis: `[]` for a scalar, `[n]` a vector, `[rows, cols]` a matrix. */
  readonly shape: readonly number[];
  /** The elements, row-major (the last axis varies fastest). */
  readonly data: Float64Array;
  /** d(root)/d(element) after `root.backward()`, shaped like `data`; `null` until then, or if not required. */
  grad: Float64Array | null = null;
  /** Whether operations on this tensor are recorded for `backward()`. */
  readonly requiresGrad: boolean;
  /** The tensors this one was computed from (none for a leaf, or when no gradient is required). */
  readonly parents: readonly Tensor[];
  /** Its step of the chain rule; `null` for a leaf. */
  readonly backStep: Backward | null;
  /** The operation that made it, for printing: `"leaf"`, `"matmul"`, `"tanh"`, … */
  readonly op: string;
  /** The token of the last graph traversal that reached this tensor (see `topologicalOrder`). */
  seen: object | null = null;

  /** Prefer {@link tensor} and {@link zeros}: this takes `data` as it is, unchecked. */
  constructor(
    data: Float64Array,
    shape: readonly number[],
    requiresGrad = false,
    op = "leaf",
    parents: readonly Tensor[] = [],
    backStep: Backward | null = null,
  ) {
    this.data = data;
    this.shape = shape;
    this.requiresGrad = requiresGrad;
    this.op = op;
    this.parents = parents;
    this.backStep = backStep;
  }

  /** The number of elements. */
  get size(): number {
    return this.data.length;
  }

  /** Sum `this + x`, broadcast. */
  add(x: Tensor | number): Tensor {
    return typeof x === "number"
      ? unary(ops.addK, this, x, "add")
      : binary(ops.add, this, x, "add");
  }

  /** Difference `this − x`, broadcast: `this + (−x)`, as the scalar engine computes it. */
  sub(x: Tensor | number): Tensor {
    return typeof x === "number" ? this.add(-x) : this.add(x.neg());
  }

  /** Product `this · x`, element by element, broadcast. */
  mul(x: Tensor | number): Tensor {
    return typeof x === "number"
      ? unary(ops.mulK, this, x, "mul")
      : binary(ops.mul, this, x, "mul");
  }

  /** Quotient `this / x`, element by element, broadcast. Throws on a zero divisor. */
  div(x: Tensor | number): Tensor {
    if (typeof x === "number") {
      if (x === 0) throw new RangeError("div: expected a non-zero divisor, got 0");
      return unary(ops.divK, this, x, "div");
    }
    const zero = x.data.indexOf(0);
    if (zero >= 0)
      throw new RangeError(
        `div: expected non-zero divisors, got 0 at index ${zero} of a divisor shaped ${fmt(x.shape)}`,
      );
    return binary(ops.div, this, x, "div");
  }

  /** `thisᵏ` element by element, for a number `k`. */
  pow(k: number): Tensor {
    if (typeof k !== "number" || !Number.isFinite(k))
      throw new TypeError(`pow: expected a finite number as exponent, got ${show(k)}`);
    const d = this.data;
    for (let i = 0; i < d.length; i++) {
      if (d[i]! < 0 && !Number.isInteger(k))
        throw new RangeError(
          `pow: expected non-negative bases for the fractional exponent ${k}, got ${d[i]} at index ${i}`,
        );
      if (d[i] === 0 && k < 0)
        throw new RangeError(
          `pow: expected non-zero bases for the negative exponent ${k}, got 0 at index ${i}`,
        );
    }
    return unary(ops.pow, this, k, "pow");
  }

  /** `−this`. */
  neg(): Tensor {
    return unary(ops.neg, this, 0, "neg");
  }

  /** `eˣ` element by element. */
  exp(): Tensor {
    return unary(ops.exp, this, 0, "exp");
  }

  /** `ln x` element by element; throws unless every element is > 0. */
  log(): Tensor {
    const d = this.data;
    for (let i = 0; i < d.length; i++)
      if (!(d[i]! > 0))
        throw new RangeError(
          `log: expected positive inputs, got ${d[i]} at index ${i} of a tensor shaped ${fmt(this.shape)}`,
        );
    return unary(ops.log, this, 0, "log");
  }

  /** `tanh x` element by element. */
  tanh(): Tensor {
    return unary(ops.tanh, this, 0, "tanh");
  }

  /** `max(x, 0)` element by element (gradient 0 at exactly 0, as PyTorch). */
  relu(): Tensor {
    return unary(ops.relu, this, 0, "relu");
  }

  /** `σ(x) = 1 / (1 + e⁻ˣ)` element by element. */
  sigmoid(): Tensor {
    return unary(ops.sigmoid, this, 0, "sigmoid");
  }

  /** `ln(1 + eˣ)` element by element. */
  softplus(): Tensor {
    return unary(ops.softplus, this, 0, "softplus");
  }

  /** `sin x` element by element. */
  sin(): Tensor {
    return unary(ops.sin, this, 0, "sin");
  }

  /** `cos x` element by element. */
  cos(): Tensor {
    return unary(ops.cos, this, 0, "cos");
  }

  /** `|x|` element by element (gradient 0 at exactly 0, as PyTorch). */
  abs(): Tensor {
    return unary(ops.abs, this, 0, "abs");
  }

  /** The matrix product `this @ x`: `[n, k] @ [k, m]` is `[n, m]`. */
  matmul(x: Tensor): Tensor {
    return matmul(this, x);
  }

  /** The transpose of a matrix: `[n, m]` becomes `[m, n]`. */
  T(): Tensor {
    return transpose(this);
  }

  /** The sum of all elements (a scalar, shape `[]`), or along one axis (that axis removed). */
  sum(axis?: number): Tensor {
    return sum(this, axis);
  }

  /** The mean of all elements, or along one axis: the sum divided by the count. */
  mean(axis?: number): Tensor {
    return mean(this, axis);
  }

  /** The same elements in another shape of the same size; one axis may be `-1`: whatever is left. */
  reshape(shape: readonly number[]): Tensor {
    return reshape(this, shape);
  }

  /** The rows `rows[0], rows[1], …` of this tensor (along its first axis): a minibatch by indices. */
  gather(rows: ArrayLike<number>): Tensor {
    return gather(this, rows);
  }

  /** `log softmax` along the last axis: `xⱼ − ln Σₖ eˣᵏ`, computed with the row's max subtracted first. */
  logSoftmax(): Tensor {
    return logSoftmax(this);
  }

  /** The one number of a one-element tensor. */
  item(): number {
    if (this.size !== 1)
      throw new RangeError(`item: expected a tensor of one element, got shape ${fmt(this.shape)}`);
    return this.data[0]!;
  }

  /**
   * Backpropagation: fills `grad` of every tensor this one was computed from that requires a
   * gradient with d(this)/d(that tensor). `this` must hold one number (a loss). Leaves accumulate
   * across calls, as the scalar engine's do; call `zeroGrad` on the model or optimizer between steps.
   */
  backward(): void {
    backward(this);
  }

  /** `Tensor([2, 3], requiresGrad)` then the elements of a small tensor, or its shape alone. */
  toString(): string {
    const head = `Tensor(${fmt(this.shape)}${this.requiresGrad ? ", requiresGrad" : ""})`;
    return this.size <= 16 ? `${head} [${Array.from(this.data).join(", ")}]` : head;
  }

  /** Node's `console.log` prints the same as `toString()`. */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }
}

/**
 * A tensor from numbers nested in arrays (`tensor([[1, 2], [3, 4]])`), or from flat data and a
 * shape (`tensor(data, [2, 2])`). The numbers are copied. Throws on ragged arrays, NaN, and data
 * that does not fill the shape.
 */
export function tensor(values: Nested, opts?: TensorOptions): Tensor;
export function tensor(
  data: ArrayLike<number>,
  shape: readonly number[],
  opts?: TensorOptions,
): Tensor;
export function tensor(
  values: Nested | ArrayLike<number>,
  shapeOrOpts?: readonly number[] | TensorOptions,
  maybeOpts?: TensorOptions,
): Tensor {
  let data: Float64Array;
  let shape: readonly number[];
  let opts: TensorOptions | undefined;
  if (Array.isArray(shapeOrOpts)) {
    shape = checkShape("tensor", shapeOrOpts);
    const flat = values as ArrayLike<number>;
    if (flat === null || typeof flat !== "object" || typeof flat.length !== "number")
      throw new TypeError(`tensor: expected flat data with a shape, got ${show(values)}`);
    if (flat.length !== sizeOf(shape))
      throw new RangeError(
        `tensor: expected ${sizeOf(shape)} numbers for shape ${fmt(shape)}, got ${flat.length}`,
      );
    data = Float64Array.from(flat);
    opts = maybeOpts;
  } else {
    shape = Object.freeze(shapeOf(values as Nested));
    data = new Float64Array(sizeOf(shape));
    let at = 0;
    const fill = (x: Nested, depth: number): void => {
      if (depth === shape.length) {
        if (typeof x !== "number")
          throw new TypeError(`tensor: expected a number at depth ${depth}, got ${show(x)}`);
        data[at++] = x;
        return;
      }
      if (!Array.isArray(x) || x.length !== shape[depth])
        throw new RangeError(
          `tensor: ragged arrays: expected ${shape[depth]} items at depth ${depth}, got ${show(x)}`,
        );
      for (const item of x) fill(item, depth + 1);
    };
    fill(values as Nested, 0);
    opts = shapeOrOpts as TensorOptions | undefined;
  }
  const nan = data.findIndex(Number.isNaN);
  if (nan >= 0) throw new TypeError(`tensor: expected numbers, got NaN at index ${nan}`);
  return new Tensor(data, shape, opts?.requiresGrad ?? false);
}

/** The shape of nested arrays, read along their first items (checked for raggedness as they are copied). */
function shapeOf(x: Nested): number[] {
  const shape: number[] = [];
  let at: Nested = x;
  while (Array.isArray(at)) {
    shape.push(at.length);
    if (at.length === 0) break;
    at = at[0]!;
  }
  if (!Array.isArray(at) && typeof at !== "number")
    throw new TypeError(`tensor: expected numbers in nested arrays, got ${show(at)}`);
  return shape;
}

/** A tensor of zeros of the given shape. */
export function zeros(shape: readonly number[], opts?: TensorOptions): Tensor {
  const s = checkShape("zeros", shape);
  return new Tensor(new Float64Array(sizeOf(s)), s, opts?.requiresGrad ?? false);
}

/**
 * The result of an operation: it requires a gradient when an operand does, and only then keeps
 * its operands and its backward step (a graph nobody will differentiate is not recorded).
 */
export function result(
  op: string,
  data: Float64Array,
  shape: readonly number[],
  parents: readonly Tensor[],
  backStep: Backward,
): Tensor {
  const track = parents.some((p) => p.requiresGrad);
  return track
    ? new Tensor(data, shape, true, op, parents, backStep)
    : new Tensor(data, shape, false, op);
}
