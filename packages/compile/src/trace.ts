import { type Op, ops, topologicalOrder, type Value } from "@gradbook/autograd";
import { NUMBER_OPERAND, OPS } from "./replay.ts";

/** An op's name as `ops` exports it (`mulK`), for error messages. */
export function opName(op: Op): string {
  return Object.entries(ops).find(([, row]) => row === op)?.[0] ?? "an unknown op";
}

/** One traced step: the loss and the predictions it was computed from. */
export interface Traced {
  loss: Value;
  outputs: readonly Value[];
}

/** A step as a function of one batch's data, a flat list of numbers (each point's inputs, then its target). */
export type StepFunction = (data: readonly number[]) => Traced;

/**
 * One trace, in a form two traces can be compared in: the computed values in the engine's
 * topological order, each operand as a reference, and every number that is not a parameter (a
 * leaf's data, an op's number operand) as a "site" whose value may change from trace to trace.
 */
export interface Recording {
  /** The computed values, in `topologicalOrder(loss)`. */
  nodes: Value[];
  /** Per node, its operands: a node's index (≥ 0), a leaf as −2 − its number, −1 for none. */
  refA: number[];
  refB: number[];
  /** The leaves, numbered by first use: each a parameter's index, or −1 for a number site. */
  leafKinds: number[];
  /** The predictions, as references. */
  outputs: number[];
  /** The number sites: first the leaves that are not parameters (by leaf number), then each node's number operand (by node). */
  numbers: number[];
  /** Where each number site is, for messages and for building the tape: a leaf number or −1 − node index. */
  sites: number[];
}

/** Records one trace of the step; throws on an op a tape cannot replay. */
export function record(traced: Traced, paramIndex: ReadonlyMap<Value, number>): Recording {
  if (traced.loss.op === ops.leaf)
    throw new RangeError(
      "compile: the loss is a leaf: it was computed from nothing, there is no step to compile",
    );
  const nodes = topologicalOrder(traced.loss);
  const nodeIndex = new Map(nodes.map((v, i) => [v, i]));
  const leaves: Value[] = [];
  const leafIndex = new Map<Value, number>();
  const ref = (v: Value | null): number => {
    if (v === null) return -1;
    const i = nodeIndex.get(v);
    if (i !== undefined) return i;
    let l = leafIndex.get(v);
    if (l === undefined) leafIndex.set(v, (l = leaves.push(v) - 1));
    return -2 - l;
  };
  nodes.forEach((v, i) => {
    if (v.op === ops.unary) {
      throw new RangeError(
        `compile: operation #${i} is unary, a function given only by its value and derivative at one point (bceLoss and bceWithLogitsLoss use one): a tape cannot compute it again; expected a step built from the engine's ops (l1Loss, mseLoss, …)`,
      );
    }
    if (!OPS.includes(v.op))
      throw new RangeError(
        `compile: operation #${i} is ${opName(v.op)}, which the tape does not know`,
      );
  });
  const refA = nodes.map((v) => ref(v.a));
  const refB = nodes.map((v) => ref(v.b));
  const outputs = traced.outputs.map(ref);
  const leafKinds = leaves.map((v) => paramIndex.get(v) ?? -1);
  const numbers: number[] = [];
  const sites: number[] = [];
  leaves.forEach((v, l) => leafKinds[l] === -1 && (numbers.push(v.data), sites.push(l)));
  nodes.forEach(
    (v, i) => NUMBER_OPERAND.has(v.op) && (numbers.push(v.numberOperand), sites.push(-1 - i)),
  );
  return { nodes, refA, refB, leafKinds, outputs, numbers, sites };
}

/**
 * Throws unless two traces have the same graph: the same ops in the same order on the same
 * operands. `where` names the second trace's data in the message.
 */
export function sameGraph(first: Recording, other: Recording, where: string): void {
  const fail = (what: string) => {
    throw new RangeError(
      `compile: the step's graph depends on the data: traced at ${where}, ${what}. A tape replays one graph; expected a step whose operations do not depend on the values it computes (no branch on .data)`,
    );
  };
  if (first.nodes.length !== other.nodes.length)
    fail(`it has ${other.nodes.length} operations, the first trace ${first.nodes.length}`);
  for (let i = 0; i < first.nodes.length; i++) {
    const [x, y] = [first.nodes[i]!, other.nodes[i]!];
    if (x.op !== y.op)
      fail(`operation #${i} is ${opName(y.op)}, in the first trace ${opName(x.op)}`);
    if (first.refA[i] !== other.refA[i] || first.refB[i] !== other.refB[i])
      fail(`operation #${i} (${opName(x.op)}) has other operands than in the first trace`);
  }
  if (first.leafKinds.join() !== other.leafKinds.join())
    fail("it reads other parameters or numbers than the first trace");
  if (first.outputs.join() !== other.outputs.join())
    fail("its predictions are other values than in the first trace");
}
