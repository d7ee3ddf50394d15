// Generated from packages/autograd/src/ops.ts by packages/compile/scripts/generate-replay.ts:
// do not edit. Regenerate with `pnpm --filter @gradbook/compile generate`
// (test/generated.test.ts fails when this file is stale).
import { math, type Op, ops } from "@gradbook/autograd";
import { dot, dotBackward } from "./fused.ts";
import type { Tape } from "./tape.ts";

// Replaying a tape: the engine's forward and backward passes as two loops over typed arrays.
// Each case is its op's row of ops.ts with `v[…]` for `.data` and `g[…]` for `.grad`: the
// same expression in the same order, so the same bits (a property test holds every row to it).
// Not here:
// - `leaf`: made by `new Value`, not computed.
// - `unary`: its function is not in the graph, only its value and derivative at one point.

/** The ops a tape can replay, indexed by op code. */
export const OPS: readonly Op[] = [
  ops.add,
  ops.addK,
  ops.mul,
  ops.mulK,
  ops.div,
  ops.divK,
  ops.pow,
  ops.neg,
  ops.exp,
  ops.log,
  ops.tanh,
  ops.relu,
  ops.sigmoid,
  ops.softplus,
  ops.sin,
  ops.cos,
  ops.abs,
];

/**
 * The op code of the fused op `a + w₀·x₀ + w₁·x₁ + …`, added left to right: a neuron's
 * weighted sum, which the engine builds as a chain of products and sums (see fused.ts). Its
 * terms are pairs of slots in `terms`, from index `b`, `c` of them.
 */
export const DOT = OPS.length;

/** The ops whose second operand is a number, not a Value. */
export const NUMBER_OPERAND: ReadonlySet<Op> = new Set([
  ops.addK,
  ops.mulK,
  ops.divK,
  ops.pow,
  ops.unary,
]);

// The op codes, and the functions the cases call, as module-level constants, which bundlers and
// test runners that rewrite imports into property reads (vite's SSR transform does) cannot slow.
const ADD = 0;
const ADD_K = 1;
const MUL = 2;
const MUL_K = 3;
const DIV = 4;
const DIV_K = 5;
const POW = 6;
const NEG = 7;
const EXP = 8;
const LOG = 9;
const TANH = 10;
const RELU = 11;
const SIGMOID = 12;
const SOFTPLUS = 13;
const SIN = 14;
const COS = 15;
const ABS = 16;
const { cos, exp, log, log1p, pow, sin, tanh } = math;
const { tanhDerivative } = ops;

// #region forward
/** The forward pass: each instruction computes its slot of `v` from its operands' slots. */
export function forward(tape: Tape, v: Float64Array): void {
  const { code, out, a, b, c, terms } = tape;
  for (let i = 0; i < code.length; i++) {
    const x = v[a[i]!]!; // the first operand's data
    let y: number;
    switch (code[i]) {
      case DOT: y = dot(v, terms, x, b[i]!, b[i]! + 2 * c[i]!); break;
      case ADD: y = x + v[b[i]!]!; break;
      case ADD_K: y = x + v[b[i]!]!; break;
      case MUL: y = x * v[b[i]!]!; break;
      case MUL_K: y = x * v[b[i]!]!; break;
      case DIV: y = x / v[b[i]!]!; break;
      case DIV_K: y = x / v[b[i]!]!; break;
      case POW: y = pow(x, v[b[i]!]!); break;
      case NEG: y = -x; break;
      case EXP: y = exp(x); break;
      case LOG: y = log(x); break;
      case TANH: y = tanh(x); break;
      case RELU: y = (x > 0 ? x : 0); break;
      case SIGMOID: y = 1 / (1 + exp(-x)); break;
      case SOFTPLUS: y = Math.max(x, 0) + log1p(exp(-Math.abs(x))); break;
      case SIN: y = sin(x); break;
      case COS: y = cos(x); break;
      case ABS: y = Math.abs(x); break;
      default: throw new RangeError(`forward: unknown op code ${code[i]} at instruction ${i}`);
    }
    v[out[i]!] = y;
  }
}
// #endregion forward

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
    switch (code[i]) {
      case DOT: dotBackward(v, g, terms, gy, ai, bi, bi + 2 * c[i]!); break;
      case ADD: {
        g[ai]! += gy; // ∂(a+b)/∂a = 1
        g[bi]! += gy; // ∂(a+b)/∂b = 1
        break;
      }
      case ADD_K: g[ai]! += gy; break; // ∂(a+k)/∂a = 1
      case MUL: {
        g[ai]! += v[bi]! * gy; // ∂(a·b)/∂a = b
        g[bi]! += v[ai]! * gy; // ∂(a·b)/∂b = a
        break;
      }
      case MUL_K: {
        const factor = v[bi]!; // the number operand
        g[ai]! += factor * gy; // ∂(a·k)/∂a = k
        break;
      }
      case DIV: {
        g[ai]! += gy / v[bi]!; // ∂(a/b)/∂a = 1/b
        g[bi]! -= gy * (y / v[bi]!); // ∂(a/b)/∂b = −a/b² = −y/b
        break;
      }
      case DIV_K: {
        const divisor = v[bi]!; // the number operand
        g[ai]! += (1 / divisor) * gy; // ∂(a/k)/∂a = 1/k
        break;
      }
      case POW: {
        const k = v[bi]!; // the number operand
        // ∂(aᵏ)/∂a = k·aᵏ⁻¹, except 0 for k = 0 (as PyTorch; at a = 0 it would be 0·0⁻¹ = NaN)
        g[ai]! += k === 0 ? 0 : k * pow(v[ai]!, k - 1) * gy;
        break;
      }
      case NEG: g[ai]! -= gy; break; // ∂(−a)/∂a = −1
      case EXP: g[ai]! += gy * y; break; // ∂eᵃ/∂a = eᵃ = y
      case LOG: g[ai]! += gy / v[ai]!; break; // ∂(ln a)/∂a = 1/a
      case TANH: g[ai]! += gy * tanhDerivative(y); break; // ∂(tanh a)/∂a = 1 − tanh²a = 1 − y²
      case RELU: g[ai]! += y > 0 ? gy : 0; break; // ∂relu(a)/∂a = 1 for a > 0, else 0 (0 at a = 0, as PyTorch)
      case SIGMOID: g[ai]! += gy * (1 - y) * y; break; // ∂σ(a)/∂a = σ(a)·(1 − σ(a)) = (1 − y)·y
      case SOFTPLUS: g[ai]! += gy / (1 + exp(-v[ai]!)); break; // ∂ln(1 + eᵃ)/∂a = eᵃ / (1 + eᵃ) = 1 / (1 + e⁻ᵃ) = σ(a)
      case SIN: g[ai]! += gy * cos(v[ai]!); break; // ∂(sin a)/∂a = cos a
      case COS: g[ai]! -= gy * sin(v[ai]!); break; // ∂(cos a)/∂a = −sin a
      case ABS: g[ai]! += v[ai]! > 0 ? gy : v[ai]! < 0 ? -gy : 0; break; // ∂|a|/∂a = sign a (0 at a = 0, as PyTorch)
    }
  }
}
// #endregion backward
