import type { Recording } from "./trace.ts";

// Lesson 07's problems beyond the tape it builds: two facts about a recorded step that a compiler
// uses (when a value's slot is free again, how long the longest chain of operations is), and a
// sum whose rounding grows far slower than the loop's.

/**
 * For each node of a recording, the index of the last node that reads it as an operand, or −1
 * when none does (the loss, and a prediction no later node uses): after that node, its slot
 * could hold another value.
 *
 * @example
 * // c = a·b (node 0), d = c + a (1), e = tanh d (2), f = e·c (3): lastUse is [3, 2, 3, −1]
 */
export function lastUse(r: Recording): number[] {
  // #region exercise:last-use
  const last = r.nodes.map(() => -1);
  for (let i = 0; i < r.nodes.length; i++) {
    for (const ref of [r.refA[i]!, r.refB[i]!]) if (ref >= 0) last[ref] = i; // nodes come in order: the latest reader wins
  }
  return last;
  // #endregion exercise:last-use
}

/**
 * For each node, the number of operations on the longest chain from the leaves to it (a leaf
 * counts 0): the steps a machine with unlimited parallel units would still need, one after the
 * other, to compute it.
 *
 * @example
 * // c = a·b, d = c + a, e = tanh d, f = e·c: depth is [1, 2, 3, 4]
 */
export function depth(r: Recording): number[] {
  // #region exercise:depth
  const d: number[] = [];
  const of = (ref: number) => (ref >= 0 ? d[ref]! : 0); // operands come earlier in the order
  for (let i = 0; i < r.nodes.length; i++) d.push(1 + Math.max(of(r.refA[i]!), of(r.refB[i]!)));
  return d;
  // #endregion exercise:depth
}

/**
 * The sum of `xs[from … to)`, computed by halves: the sum of the first half plus the sum of the
 * second, each summed the same way. Its rounding error grows like log n, where the loop's
 * (`for … sum += x`) grows like n.
 *
 * @example
 * pairwiseSum(Array(1 << 20).fill(0.1)); // 104857.6 exactly 0.1·2²⁰; the loop is off by 1.3e-6
 */
export function pairwiseSum(xs: readonly number[], from = 0, to = xs.length): number {
  // #region exercise:pairwise-sum
  if (to - from === 0) return 0;
  if (to - from === 1) return xs[from]!;
  const middle = from + ((to - from) >> 1);
  return pairwiseSum(xs, from, middle) + pairwiseSum(xs, middle, to);
  // #endregion exercise:pairwise-sum
}
