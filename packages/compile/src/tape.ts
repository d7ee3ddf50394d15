// #region tape
/**
 * A training step compiled to flat arrays: what {@link forward} and {@link backward} replay.
 *
 * Every number the step reads or writes lives in a slot of one `Float64Array`: the parameters
 * first (slots `0 … params − 1`, in `model.parameters()` order, so an optimizer steps them as one
 * block), then the data (inputs and targets, loaded before each step), then the constants (set
 * once), then one slot per operation, in the engine's topological order. An instruction is an op
 * code, a result slot and operand slots; an op with a number operand (`addK`, `mulK`, `divK`,
 * `pow`) reads it from the slot `b`, like any other operand. A `dot` (`a + w₀·x₀ + w₁·x₁ + …`)
 * starts from slot `a` and keeps its terms in `terms`, from index `b`, `c` pairs of slots.
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
  /** Each instruction's first operand slot; a `dot`'s start. */
  readonly a: Int32Array;
  /** Each instruction's second operand slot (its number operand for `addK` … `pow`), −1 for none; for a `dot`, the index in `terms` of its first term. */
  readonly b: Int32Array;
  /** A `dot`'s number of terms (pairs of slots in `terms`), 0 for other ops. */
  readonly c: Int32Array;
  /** The `dot`s' terms: pairs of slots w, x. */
  readonly terms: Int32Array;
  /** 1 when some parameter is below an instruction, so that its backward step can reach one; else 0, and the backward pass skips it. */
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
