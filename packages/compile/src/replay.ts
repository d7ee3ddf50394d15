import { math } from "@gradbook/autograd";
import type { Tape } from "./tape.ts";
import { ABS, ADD, ADDK, COS, DIV, DIVK, EXP, LOG, DOT, MUL, MULK, NEG, POW, RELU, SIGMOID, SIN, TANH } from "./tape.ts";

// Replaying a tape: the engine's forward and backward passes as two loops over typed arrays.
// Each case is its op's row of `ops.ts` with `v[…]` for `.data` and `g[…]` for `.grad`: the same
// expression in the same order, so the same bits (a property test holds every row to it).

// #region forward
/** The forward pass: each instruction computes its slot of `v` from its operands' slots. */
export function forward(tape: Tape, v: Float64Array): void {
  const { code, out, a, b, c, terms } = tape;
  for (let i = 0; i < code.length; i++) {
    // #region exercise:forward One case per op code: the result y from x = v[a[i]] and v[b[i]] (the second operand, or the number operand of addK … pow) as ops.ts computes it, into v[out[i]]
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
      case POW: y = math.pow(x, v[b[i]!]!); break;
      case NEG: y = -x; break;
      case EXP: y = math.exp(x); break;
      case LOG: y = math.log(x); break;
      case TANH: y = math.tanh(x); break;
      case RELU: y = x > 0 ? x : 0; break;
      case SIGMOID: y = 1 / (1 + math.exp(-x)); break;
      case SIN: y = math.sin(x); break;
      case COS: y = math.cos(x); break;
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
    // #region exercise:replay-backward One case per op code, as the op's backward in ops.ts: g[ai] for a.grad, v[ai] for a.data, y for the result; binary ops check send & 1 (a) and send & 2 (b)
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
        g[ai]! += k === 0 ? 0 : k * math.pow(v[ai]!, k - 1) * gy;
        break;
      }
      case NEG: g[ai]! -= gy; break;
      case EXP: g[ai]! += gy * y; break;
      case LOG: g[ai]! += gy / v[ai]!; break;
      case TANH: g[ai]! += gy * (1 - y * y); break;
      case RELU: g[ai]! += y > 0 ? gy : 0; break;
      case SIGMOID: g[ai]! += gy * (1 - y) * y; break;
      case SIN: g[ai]! += gy * math.cos(v[ai]!); break;
      case COS: g[ai]! -= gy * math.sin(v[ai]!); break;
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
