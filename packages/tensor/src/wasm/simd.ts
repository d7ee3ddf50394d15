import { type Exports, kernelBytes } from "./simd-kernels.ts";

// The SIMD kernels bound to a memory, and the memories that have them. Where WebAssembly is
// missing or refused (a content security policy without 'wasm-unsafe-eval'), there are none and
// the JS loops run instead, giving the same bits (NaN payloads aside).

/**
 * The part of the WebAssembly API used here, declared for this module: TypeScript's ES libraries
 * leave it to the DOM's. Undefined in an engine without WebAssembly.
 */
declare const WebAssembly:
  | {
      Module: new (bytes: Uint8Array<ArrayBuffer>) => WasmModule;
      Memory: new (size: { initial: number; maximum: number }) => { buffer: ArrayBuffer };
      Instance: new (module: WasmModule, imports: object) => { exports: object };
    }
  | undefined;
type WasmModule = { readonly compiled: unique symbol };

/** The compiled module: compiled on first use; null where WebAssembly SIMD is unavailable or refused. */
let compiled: WasmModule | null | undefined;

function simdModule(): WasmModule | null {
  if (compiled === undefined) {
    try {
      if (typeof WebAssembly === "undefined") throw new Error("no WebAssembly");
      // Synchronous, on any thread: Chrome refuses that on its main thread only for modules
      // "larger than 8MB" (its error's words; 4 KB in older versions), and this one is ~2 KB.
      compiled = new WebAssembly.Module(kernelBytes());
    } catch {
      compiled = null; // no WebAssembly, no SIMD, or a policy that forbids compiling it
    }
  }
  return compiled;
}

/** The SIMD kernels bound to one memory, with a scratch region for one batch row's x, g and gx. */
export class Simd {
  readonly #exports: Exports;
  readonly #memory: Float64Array;
  /** Where the scratch starts, in float64s, and how many it holds. */
  readonly #scratch: number;
  readonly #scratchLength: number;

  constructor(exports: Exports, memory: Float64Array, scratch: number, scratchLength: number) {
    this.#exports = exports;
    this.#memory = memory;
    this.#scratch = scratch;
    this.#scratchLength = scratchLength;
  }

  /**
   * `sgdUpdate`'s usual case (momentum alone, after the first step) over p, g, b in this memory,
   * all of one length, but for an odd last element: returns how many it updated (an even count).
   */
  sgd(p: Float64Array, g: Float64Array, b: Float64Array, lr: number, mu: number): number {
    const even = p.length & ~1;
    this.#exports.sgd(p.byteOffset, g.byteOffset, b.byteOffset, even * 8, lr, mu);
    return even;
  }

  /**
   * `linearForward` for a few batch rows (one a step), when w lives in this memory and a row's x,
   * bias and out fit its scratch: x, and a bias from elsewhere (or zeros for none), are copied in,
   * out back out. Returns false, having done nothing, when they do not.
   */
  forwardRows(
    x: Float64Array,
    w: Float64Array,
    bias: Float64Array | null,
    batch: number,
    nin: number,
    nout: number,
    out: Float64Array,
  ): boolean {
    if (even(nin) + 2 * even(nout) > this.#scratchLength) return false;
    const m = this.#memory;
    const xAt = this.#scratch;
    const outAt = xAt + even(nin);
    const biasAt = outAt + even(nout); // with room for the lane read past an odd last bias
    let biasAddress = biasAt * 8;
    if (bias !== null && bias.buffer === w.buffer) biasAddress = bias.byteOffset;
    else if (bias !== null) m.set(bias, biasAt);
    else m.fill(0, biasAt, biasAt + nout);
    for (let b = 0; b < batch; b++) {
      m.set(x.subarray(b * nin, (b + 1) * nin), xAt);
      this.#exports.forwardRow(xAt * 8, w.byteOffset, biasAddress, outAt * 8, nin, nout);
      out.set(m.subarray(outAt, outAt + nout), b * nout);
    }
    return true;
  }

  /**
   * `linearBackward`'s fused rows (both gradients, batch rows from the last down), when w and gw
   * live in this memory and a row's x, g and gx fit its scratch: those are copied in, gx back out.
   * Returns false, having done nothing, when they do not, or when an array written (gx, gw)
   * overlaps another of the five (`linear(w, w)`: gx is gw): the kernel writes gw in place but gx
   * through its copy, so the copy written back would undo the terms just added to gw.
   */
  backwardRows(
    x: Float64Array,
    w: Float64Array,
    g: Float64Array,
    batch: number,
    nin: number,
    nout: number,
    gx: Float64Array,
    gw: Float64Array,
  ): boolean {
    if (gw.buffer !== w.buffer || 2 * even(nin) + nout > this.#scratchLength) return false;
    if ([x, w, g, gw].some((a) => overlap(a, gx)) || [x, w, g].some((a) => overlap(a, gw)))
      return false;
    const m = this.#memory;
    const xAt = this.#scratch;
    const gxAt = xAt + even(nin);
    const gAt = gxAt + even(nin);
    for (let b = batch - 1; b >= 0; b--) {
      m.set(x.subarray(b * nin, (b + 1) * nin), xAt);
      m.set(gx.subarray(b * nin, (b + 1) * nin), gxAt);
      m.set(g.subarray(b * nout, (b + 1) * nout), gAt);
      this.#exports.backwardRow(xAt * 8, w.byteOffset, gAt * 8, gxAt * 8, gw.byteOffset, nin, nout);
      gx.set(m.subarray(gxAt, gxAt + nin), b * nin);
    }
    return true;
  }
}

/** Whether a and b share any element: views of one buffer whose ranges meet. */
const overlap = (a: Float64Array, b: Float64Array) =>
  a.buffer === b.buffer &&
  a.byteOffset < b.byteOffset + b.byteLength &&
  b.byteOffset < a.byteOffset + a.byteLength;

/** n, or n + 1 if odd: a count of float64s that keeps what follows it 16-byte aligned. */
export const even = (n: number) => n + (n & 1);

/**
 * The scratch for layers of up to `width` inputs or outputs: one batch row's x, out and bias
 * forward, or x, gx and g backward (see {@link Simd.forwardRows} and {@link Simd.backwardRows}).
 */
export const scratchLength = (width: number) => 3 * even(width);

/** Each SIMD memory's kernels, by the memory's buffer (never grown, so never replaced). */
const bound = new WeakMap<ArrayBufferLike, Simd>();

/** The SIMD kernels of the memory `a` lives in, if it lives in one. */
export function simdFor(a: Float64Array): Simd | undefined {
  return bound.get(a.buffer);
}

/**
 * `length` float64s in a new WebAssembly memory with the SIMD kernels bound to it, the last
 * `scratchLength` of them their scratch; null where WebAssembly SIMD cannot run.
 */
export function simdMemory(length: number, scratchLength: number): Float64Array | null {
  const module = simdModule();
  if (module === null || typeof WebAssembly === "undefined" || memoryRefused) return null;
  try {
    const pages = Math.max(1, Math.ceil((length * 8) / 65536));
    const memory = new WebAssembly.Memory({ initial: pages, maximum: pages });
    const instance = new WebAssembly.Instance(module, { env: { memory } });
    const floats = new Float64Array(memory.buffer, 0, length);
    const exports = instance.exports as unknown as Exports;
    bound.set(memory.buffer, new Simd(exports, floats, length - scratchLength, scratchLength));
    return floats;
  } catch {
    // No address space left for another memory: plain arrays do the same. The engine tried hard
    // (V8 collects garbage and retries, ~0.65 s a store with ~12,900 alive), so it is not asked
    // again in this process.
    memoryRefused = true;
    return null;
  }
}

/** Whether the engine has refused a memory: from then on every store is plain. */
let memoryRefused = false;
