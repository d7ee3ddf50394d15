import { math, type Op, ops } from "@gradbook/autograd";
import type { Tape } from "./tape.ts";

/** The ops a tape can replay, indexed by op code. `unary` is not here: its function is not in the graph, only its value. */
export const OPS: readonly Op[] = [
  ops.add, ops.addK, ops.mul, ops.mulK, ops.div, ops.divK, ops.pow, ops.neg,
  ops.exp, ops.log, ops.tanh, ops.relu, ops.sigmoid, ops.sin, ops.cos, ops.abs,
];

// The op codes live here, beside the loops that switch on them, and so do the functions the
// loops call: module-level constants, which bundlers and test runners that rewrite imports into
// property reads (vite's SSR transform does) cannot slow down.

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

const { exp, log, tanh, sin, cos, pow } = math; // the engine's own functions, as ops.ts calls them

// Replaying a tape: the engine's forward and backward passes as two loops over typed arrays.
// Each case is its op's row of `ops.ts` with `v[…]` for `.data` and `g[…]` for `.grad`: the same
// expression in the same order, so the same bits (a property test holds every row to it).

// #region forward
/** The forward pass: each instruction computes its slot of `v` from its operands' slots. */
export function forward(tape: Tape, v: Float64Array): void {
  const { code, out, a, b, c, terms } = tape;
  for (let i = 0; i < code.length; i++) {
    // #region exercise:forward One case per op code: the result y from x = v[a[i]] and v[b[i]] (the second operand, or the number operand of addK … pow) as ops.ts computes it, into v[out[i]]; a dot is dot(v, terms, x, b[i], b[i] + 2 * c[i]): z = x plus its c[i] products, whose slot pairs sit in terms from b[i] on
    const x = v[a[i]!]!; // the first operand's data
    let y: number;
    switch (code[i]) {
      case DOT: y = dot(v, terms, x, b[i]!, b[i]! + 2 * c[i]!); break;
      case ADD: y = x + v[b[i]!]!; break;
      case ADDK: y = x + v[b[i]!]!; break;
      case MUL: y = x * v[b[i]!]!; break;
      case MULK: y = x * v[b[i]!]!; break;
      case DIV: y = x / v[b[i]!]!; break;
      case DIVK: y = x / v[b[i]!]!; break;
      case POW: y = pow(x, v[b[i]!]!); break;
      case NEG: y = -x; break;
      case EXP: y = exp(x); break;
      case LOG: y = log(x); break;
      case TANH: y = tanh(x); break;
      case RELU: y = x > 0 ? x : 0; break;
      case SIGMOID: y = 1 / (1 + exp(-x)); break;
      case SIN: y = sin(x); break;
      case COS: y = cos(x); break;
      case ABS: y = Math.abs(x); break; // as ops.abs: exact in every engine
      default: throw new RangeError(`forward: unknown op code ${code[i]} at instruction ${i}`);
    }
    v[out[i]!] = y;
    // #endregion exercise:forward
  }
}
// #endregion forward

/** A dot's forward pass: z + w·x, term by term: the engine's mul then add, one rounding each, left to right. */
function dot(v: Float64Array, terms: Int32Array, z: number, from: number, to: number): number {
  for (let t = from; t < to; t += 2) z = z + v[terms[t]!]! * v[terms[t + 1]!]!;
  return z;
}

// #region backward
/**
 * The backward pass: zero every gradient, seed d loss/d loss = 1, then each instruction, last to
 * first, adds its gradient times the local derivative to its operands' gradients in `g`.
 */
export function backward(tape: Tape, v: Float64Array, g: Float64Array): void {
  const { code, out, a, b, c, terms, sends } = tape;
  g.fill(0); // as zeroGrad and the engine's backward do: every sum below starts at +0
  g[tape.root]! += 1;
  for (let i = code.length - 1; i >= 0; i--) {
    if (sends[i] === 0) continue; // no parameter below: the engine computes it, nobody reads it
    const s = out[i]!;
    const gy = g[s]!; // d loss / d this instruction's result, complete: every user came later
    const y = v[s]!;
    const ai = a[i]!;
    const bi = b[i]!;
    // #region exercise:replay-backward One case per op code, as the op's backward in ops.ts: g[ai] += … for a.grad, g[bi] += … for b.grad (binary ops only), v[ai] and v[bi] for their data (v[bi] is the number operand of addK … pow), y for the result; a dot calls dotBackward(v, g, terms, gy, ai, bi, bi + 2 * c[i]): z is v[ai], its terms' slot pairs run from bi to bi + 2 * c[i]
    switch (code[i]) {
      case DOT: dotBackward(v, g, terms, gy, ai, bi, bi + 2 * c[i]!); break;
      case ADD:
        g[ai]! += gy;
        g[bi]! += gy;
        break;
      case ADDK: g[ai]! += gy; break;
      case MUL:
        g[ai]! += v[bi]! * gy;
        g[bi]! += v[ai]! * gy;
        break;
      case MULK: g[ai]! += v[bi]! * gy; break;
      case DIV:
        g[ai]! += gy / v[bi]!;
        g[bi]! -= gy * (y / v[bi]!);
        break;
      case DIVK: g[ai]! += (1 / v[bi]!) * gy; break;
      case POW: {
        const k = v[bi]!;
        g[ai]! += k === 0 ? 0 : k * pow(v[ai]!, k - 1) * gy;
        break;
      }
      case NEG: g[ai]! -= gy; break;
      case EXP: g[ai]! += gy * y; break;
      case LOG: g[ai]! += gy / v[ai]!; break;
      case TANH: g[ai]! += gy * (1 - y * y); break;
      case RELU: g[ai]! += y > 0 ? gy : 0; break;
      case SIGMOID: g[ai]! += gy * (1 - y) * y; break;
      case SIN: g[ai]! += gy * cos(v[ai]!); break;
      case COS: g[ai]! -= gy * sin(v[ai]!); break;
      case ABS: {
        const x = v[ai]!;
        g[ai]! += x > 0 ? gy : x < 0 ? -gy : 0;
        break;
      }
    }
    // #endregion exercise:replay-backward
  }
}
// #endregion backward

// #region dot-backward
/**
 * A dot's backward pass, the last term first, as the engine visits its sums and products: each
 * sum passes gy on to its product, which passes it to w and x; the first sum also to the start z.
 */
function dotBackward(v: Float64Array, g: Float64Array, terms: Int32Array, gy: number, z: number, from: number, to: number): void {
  for (let t = to - 2; t > from; t -= 2) {
    const w = terms[t]!;
    const x = terms[t + 1]!;
    g[w]! += v[x]! * gy; // ∂(w·x)/∂w = x
    g[x]! += v[w]! * gy; // ∂(w·x)/∂x = w
  }
  g[z]! += gy; // the first sum's step to its start, before its product's
  const w = terms[from]!;
  const x = terms[from + 1]!;
  g[w]! += v[x]! * gy;
  g[x]! += v[w]! * gy;
}
// #endregion dot-backward
