import { ops, type Value } from "@gradbook/autograd";
import { opName, type Recording, record, sameGraph, type StepFunction } from "./trace.ts";
import { DOT, OPS } from "./replay.ts";
import type { Tape } from "./tape.ts";

/** Where {@link compileTape} traces the step. */
export interface TraceData {
  /**
   * Made-up data, at least two batches whose numbers are all distinct: a number of the graph
   * that changes between them is matched to the input or target it came from.
   */
  probes: readonly (readonly number[])[];
  /** Real data to trace the step at too, only to check that its graph does not change. */
  checks?: readonly (readonly number[])[];
}

// #region compile
/**
 * Traces `step` with the Value engine at every batch of `data` and compiles its graph into a
 * {@link Tape}. The parameters become slots `0 … params.length − 1`; a number of the graph that
 * is the same in every trace becomes a constant; one that changes must be an input or a target
 * (or its negation, as `y.sub(t)` makes `y + (−t)`) and becomes a data slot.
 *
 * Throws when the traces do not have the same graph (a branch on the data), when a number
 * changes with the data but is none of its inputs and targets, when one changes with the
 * parameters (computed from a `.data`, it would stay frozen while training moves them), and on
 * ops a tape cannot replay.
 */
export function compileTape(step: StepFunction, params: readonly Value[], data: TraceData): Tape {
  if (data.probes.length < 2)
    throw new RangeError(`compile: expected at least two probes, got ${data.probes.length}`);
  const paramIndex = new Map(params.map((p, i) => [p, i]));
  const traces = [...data.probes, ...(data.checks ?? [])];
  const recordings = traces.map((d) => record(step(d), paramIndex));
  const first = recordings[0]!;
  recordings.forEach(
    (r, t) =>
      t > 0 &&
      sameGraph(
        first,
        r,
        t < data.probes.length ? `probe ${t}` : `the data [${traces[t]!.join(", ")}]`,
      ),
  );
  notFromParameters(first, withParametersMoved(step, params, data.probes[0]!, paramIndex));
  return build(first, params, siteSources(recordings, traces));
}
// #endregion compile

/** A trace at `probe` with every parameter moved a little, each put back after. */
function withParametersMoved(
  step: StepFunction,
  params: readonly Value[],
  probe: readonly number[],
  paramIndex: ReadonlyMap<Value, number>,
): Recording {
  const saved = params.map((p) => p.data);
  params.forEach((p) => (p.data = p.data * 1.001 + 0.001));
  try {
    return record(step(probe), paramIndex);
  } finally {
    params.forEach((p, i) => (p.data = saved[i]!));
  }
}

/** Throws unless moving the parameters leaves the graph and all its numbers as they were. */
function notFromParameters(first: Recording, moved: Recording): void {
  sameGraph(first, moved, "probe 0 with the parameters moved");
  first.numbers.forEach((x, s) => {
    if (Object.is(x, moved.numbers[s])) return;
    throw new RangeError(
      `compile: ${siteName(first, s)} changes when the parameters move (${x}, then ${moved.numbers[s]}): the step computes it from a parameter's .data, outside the graph, and a tape would keep its first value while training moves the parameter; expected parameters to enter the graph as Values`,
    );
  });
}

/** A number site, for messages: the leaf or the operation it belongs to. */
function siteName(r: Recording, s: number): string {
  const site = r.sites[s]!;
  return site >= 0
    ? `a leaf Value (data ${r.numbers[s]})`
    : `the number operand of operation #${-1 - site} (${opName(r.nodes[-1 - site]!.op)})`;
}

/**
 * Where each number site of the graph comes from: `null` for a constant (the same in every
 * trace), or the data entry `index` times `sign` (±1) that it equals in every trace.
 */
function siteSources(
  recordings: Recording[],
  traces: readonly (readonly number[])[],
): ({ index: number; sign: number } | null)[] {
  const first = recordings[0]!;
  return first.numbers.map((x, s) => {
    const values = recordings.map((r) => r.numbers[s]!);
    if (values.every((y) => Object.is(y, x))) return null;
    const found: { index: number; sign: number }[] = [];
    for (const sign of [1, -1]) {
      for (let index = 0; index < traces[0]!.length; index++) {
        if (values.every((y, t) => Object.is(y, sign * traces[t]![index]!)))
          found.push({ index, sign });
      }
    }
    const where = siteName(first, s);
    if (found.length === 1) return found[0]!;
    if (found.length > 1)
      throw new RangeError(
        `compile: ${where} matches ${found.length} entries of the data in every trace; expected probes whose entries differ`,
      );
    throw new RangeError(
      `compile: ${where} changes with the data but is none of its inputs and targets (values ${values.slice(0, 3).join(", ")} …): the step computes it outside the graph; expected the data to reach the graph as it is`,
    );
  });
}

/** Lays out the slots and writes the instructions of one recording. */
function build(
  r: Recording,
  params: readonly Value[],
  sources: ReturnType<typeof siteSources>,
): Tape {
  const P = params.length;
  // The data slots, one per (entry, sign); then the constants, one per site.
  const dataSlot = new Map<string, number>();
  const loads: { slot: number; index: number; sign: number }[] = [];
  sources.forEach((src) => {
    if (src === null) return;
    const key = `${src.sign}:${src.index}`;
    if (!dataSlot.has(key))
      dataSlot.set(key, P + loads.push({ slot: P + loads.length, ...src }) - 1);
  });
  let next = P + loads.length;
  const siteSlot = sources.map((src, s) =>
    src === null ? next++ : dataSlot.get(`${src.sign}:${src.index}`)!,
  );
  const first = next;
  const size = first + r.nodes.length;
  const init = new Float64Array(size);
  params.forEach((p, i) => (init[i] = p.data));
  sources.forEach((src, s) => src === null && (init[siteSlot[s]!] = r.numbers[s]!));
  // Where each leaf and each node's number operand went.
  const leafSlot = new Map<number, number>();
  const kSlot = new Map<number, number>();
  r.sites.forEach((site, s) =>
    site >= 0 ? leafSlot.set(site, siteSlot[s]!) : kSlot.set(-1 - site, siteSlot[s]!),
  );
  r.leafKinds.forEach((kind, l) => kind >= 0 && leafSlot.set(l, kind));
  const slotOf = (ref: number) =>
    ref >= 0 ? first + ref : ref === -1 ? -1 : leafSlot.get(-2 - ref)!;

  // Instructions: one per node, except that a neuron's weighted sum b + w₀x₀ + w₁x₁ + …, which
  // the engine builds as a chain of products and sums, becomes one `dot` (see `fusable`).
  const n = r.nodes.length;
  const uses = new Uint32Array(n);
  for (const ref of [...r.refA, ...r.refB, ...r.outputs]) if (ref >= 0) uses[ref]!++;
  const operandB = (i: number) => kSlot.get(i) ?? slotOf(r.refB[i]!);
  type Instruction = { code: number; out: number; a: number; b: number; terms?: number[] };
  const list: (Instruction | null)[] = [];
  const open = new Map<number, { ins: Instruction; at: number; writes: Set<number> }>(); // dots by their result's slot
  const operands = (ins: Instruction) => (ins.terms ? [ins.a, ...ins.terms] : [ins.a, ins.b]);
  for (let i = 0; i < n; i++) {
    if (i + 1 < n && fusable(r, i, uses)) continue; // a product: it joins the sum that follows it
    if (i === 0 || !fusable(r, i - 1, uses)) {
      list.push({
        code: OPS.indexOf(r.nodes[i]!.op),
        out: first + i,
        a: slotOf(r.refA[i]!),
        b: operandB(i),
      });
      continue;
    }
    const term = [slotOf(r.refA[i - 1]!), operandB(i - 1)]; // the product's w and x (or k)
    const dot =
      r.refA[i]! >= 0 && uses[r.refA[i]!] === 1 ? open.get(first + r.refA[i]!) : undefined;
    // The sum goes on from a dot when it adds to that dot's result, used nowhere else, and when
    // the instructions since that dot pass no gradient to the slots the dot does: then moving
    // the dot's backward step before theirs changes no sum's order.
    const between = dot ? (list.slice(dot.at + 1).filter((x) => x !== null) as Instruction[]) : [];
    if (dot && between.every((x) => operands(x).every((slot) => !dot.writes.has(slot)))) {
      open.delete(dot.ins.out);
      list[dot.at] = null; // the dot moves here: its terms' operands are all computed by now
      dot.ins.out = first + i;
      dot.ins.terms!.push(...term);
      for (const slot of term) dot.writes.add(slot);
      open.set(dot.ins.out, { ...dot, at: list.push(dot.ins) - 1 });
    } else {
      const ins: Instruction = {
        code: DOT,
        out: first + i,
        a: slotOf(r.refA[i]!),
        b: -1,
        terms: term,
      };
      open.set(ins.out, { ins, at: list.push(ins) - 1, writes: new Set([ins.a, ...term]) });
    }
  }
  const kept = list.filter((x) => x !== null);
  const terms: number[] = [];
  for (const ins of kept) if (ins.terms) (ins.b = terms.length), terms.push(...ins.terms);
  // A slot needs a gradient when a parameter is at or below it.
  const learns = new Uint8Array(size);
  learns.fill(1, 0, P);
  const sends = kept.map((ins) => {
    const send = operands(ins).some((slot) => slot >= 0 && learns[slot] === 1) ? 1 : 0;
    learns[ins.out] = send;
    return send;
  });
  return {
    size,
    params: P,
    first,
    init,
    code: Uint8Array.from(kept, (ins) => ins.code),
    out: Int32Array.from(kept, (ins) => ins.out),
    a: Int32Array.from(kept, (ins) => ins.a),
    b: Int32Array.from(kept, (ins) => ins.b),
    c: Int32Array.from(kept, (ins) => (ins.terms ? ins.terms.length / 2 : 0)),
    terms: Int32Array.from(terms),
    sends: Uint8Array.from(sends),
    loadSlot: Int32Array.from(loads, (l) => l.slot),
    loadIndex: Int32Array.from(loads, (l) => l.index),
    loadSign: Float64Array.from(loads, (l) => l.sign),
    root: first + n - 1,
    outputs: Int32Array.from(r.outputs, slotOf),
  };
}

// #region fusable
/**
 * Whether node `i`, a product, can be fused into the sum `i + 1` as `z + w·x`: the sum adds it as
 * its second operand, and nothing else uses it. Fused, the forward pass rounds the same two
 * operations; the backward pass of the sum is followed at once by the product's (the product
 * comes just before the sum in the order), so the fused instruction passes the gradient to z, w
 * and x in the engine's order. The gradient of a value used once is 0 + g, which differs from g
 * only as −0 from +0, and no gradient sum can tell those apart (it starts at +0).
 */
function fusable(r: Recording, i: number, uses: Uint32Array): boolean {
  // #region exercise:fusable
  const [p, sum] = [r.nodes[i]!, r.nodes[i + 1]];
  return (
    (p.op === ops.mul || p.op === ops.mulK) &&
    sum?.op === ops.add &&
    r.refB[i + 1] === i &&
    uses[i] === 1
  );
  // #endregion exercise:fusable
}
// #endregion fusable
