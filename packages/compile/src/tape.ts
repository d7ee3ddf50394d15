import { type Op, ops } from "@gradbook/autograd";

// #region tape
/**
 * A training step compiled to flat arrays: what {@link forward} and {@link backward} replay.
 *
 * Every number the step reads or writes lives in a slot of one `Float64Array`: the parameters
 * first (slots `0 … params − 1`, in `model.parameters()` order, so an optimizer steps them as one
 * block), then the data (inputs and targets, loaded before each step), then the constants (set
 * once), then one slot per operation, in the engine's topological order. An instruction is an op code, a result slot
 * and operand slots; an op with a number operand (`addK`, `mulK`, `divK`, `pow`) reads it from
 * the slot `b`, like any other operand.
 */
export interface Tape {
  /** How many slots the step needs. */
  readonly size: number;
  /** Slots `0 … params − 1` hold the parameters. */
  readonly params: number;
  /** The first slot of the results: node `i` of the traced graph has slot `first + i`. */
  readonly first: number;
  /** Each slot's value when the step was traced: the constants keep theirs. */
  readonly init: Float64Array;
  /** Each instruction's op: an index into {@link OPS}. */
  readonly code: Uint8Array;
  /** Each instruction's result slot. */
  readonly out: Int32Array;
  /** Each instruction's first operand slot. */
  readonly a: Int32Array;
  /** Each instruction's second operand slot (its number operand for `addK` … `pow`), −1 for none; a `dot`'s first term. */
  readonly b: Int32Array;
  /** A `dot`'s number of terms, 0 for other ops. */
  readonly c: Int32Array;
  /** The `dot`s' terms: pairs of slots w, x. */
  readonly terms: Int32Array;
  /** 1 when some parameter is below an instruction, so that its backward step matters; else 0. */
  readonly sends: Uint8Array;
  /** Data load `l` sets slot `loadSlot[l]` to `loadSign[l]` times entry `loadIndex[l]` of the batch's data. */
  readonly loadSlot: Int32Array;
  readonly loadIndex: Int32Array;
  readonly loadSign: Float64Array;
  /** The loss's slot. */
  readonly root: number;
  /** The slots of the predictions, one per point of the batch. */
  readonly outputs: Int32Array;
}
// #endregion tape

/** The ops a tape can replay, indexed by op code. `unary` is not here: its function is not in the graph, only its value. */
export const OPS: readonly Op[] = [
  ops.add, ops.addK, ops.mul, ops.mulK, ops.div, ops.divK, ops.pow, ops.neg,
  ops.exp, ops.log, ops.tanh, ops.relu, ops.sigmoid, ops.sin, ops.cos, ops.abs,
];

/** The op codes: `OPS[MULK] === ops.mulK`. */
export const ADD = 0, ADDK = 1, MUL = 2, MULK = 3, DIV = 4, DIVK = 5, POW = 6, NEG = 7, EXP = 8, LOG = 9, TANH = 10, RELU = 11, SIGMOID = 12, SIN = 13, COS = 14, ABS = 15;

/**
 * The fused op `a + w₀·x₀ + w₁·x₁ + …`, added left to right: a neuron's weighted sum, which the
 * engine builds as a chain of products and sums. Its terms are pairs of slots in `terms`, from
 * index `b`, `c` of them.
 */
export const DOT = OPS.length;

/** The ops whose second operand is a number, not a Value. */
export const NUMBER_OPERAND: ReadonlySet<Op> = new Set([ops.addK, ops.mulK, ops.divK, ops.pow, ops.unary]);

/** An op's name as `ops` exports it (`mulK`), for error messages. */
export function opName(op: Op): string {
  return Object.entries(ops).find(([, row]) => row === op)?.[0] ?? "an unknown op";
}
