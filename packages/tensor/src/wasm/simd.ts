import { type Code, encodeModule, f64, i32, op, v128 } from "./encode.ts";

// Two of the one-point step's loops in WebAssembly SIMD, two float64 lanes at a time. The lanes
// run across elements, never along a sum: each element gets the same operations in the same
// order as in the JS loop it replaces, each rounded alike, so the results are the same bits
// (test/simd.test.ts checks it, odd sizes included). Where WebAssembly is missing or refused (a
// content security policy without 'wasm-unsafe-eval'), the JS loops run instead.

/** `base + i`: the address of a byte offset i into an array at `base`. */
const at = (base: number, i: number): Code => [...op.get(base), ...op.get(i), ...op.i32Add];

/**
 * sgd(p, g, b, bytes, lr, mu), over float64 arrays at byte addresses p, g, b, `bytes` long (a
 * multiple of 16): b ← μ·b + g, p ← p − η·b. `sgdUpdate`'s loop (`@gradbook/optim`) in its usual
 * case (momentum alone, after the first step), where (1 − τ)·d is 1·d = d exactly.
 */
const sgd = (() => {
  const [P, G, B, BYTES, LR, MU, I, LRV, MUV, V] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
  return {
    name: "sgd",
    params: [i32, i32, i32, i32, f64, f64],
    locals: [i32, v128, v128, v128],
    // biome-ignore format: a line per instruction group, as a text-format listing reads
    body: [
      ...op.get(LR), ...op.f64x2Splat, ...op.set(LRV), // η in both lanes
      ...op.get(MU), ...op.f64x2Splat, ...op.set(MUV), // μ in both lanes
      ...op.block, ...op.loop,
      ...op.get(I), ...op.get(BYTES), ...op.i32GeU, ...op.brIf(1), // done: leave the block
      // v = μ·b + d
      ...op.get(MUV), ...at(B, I), ...op.v128Load, ...op.f64x2Mul,
      ...at(G, I), ...op.v128Load, ...op.f64x2Add, ...op.set(V),
      // b ← v
      ...at(B, I), ...op.get(V), ...op.v128Store,
      // p ← p − η·v
      ...at(P, I), ...at(P, I), ...op.v128Load, ...op.get(LRV), ...op.get(V), ...op.f64x2Mul,
      ...op.f64x2Sub, ...op.v128Store,
      ...op.get(I), ...op.i32(16), ...op.i32Add, ...op.set(I), // next two elements
      ...op.br(0),
      ...op.end, ...op.end,
    ],
  };
})();

/**
 * backwardRow(x, w, g, gx, gw, nin, nout): for each output j from the last down,
 * gx[i] += w[j, i]·g[j] and gw[j, i] += x[i]·g[j] for every i, two i at a time (an odd last one
 * alone): `linearBackward`'s fused loop for one batch row, x, g and gx that row's.
 */
const backwardRow = (() => {
  const [X, W, G, GX, GW, NIN, NOUT] = [0, 1, 2, 3, 4, 5, 6];
  const [ROW, PAIRS, J, WROW, GWROW, I, GJ, GJV] = [7, 8, 9, 10, 11, 12, 13, 14];
  /** a[i] += b[i]·gj, for `load`, `mul`, `add`, `store` of one lane or two. */
  const addProduct = (a: number, b: number, gj: number, lanes: "one" | "two"): Code => {
    const [load, store, mul, add] =
      lanes === "two"
        ? [op.v128Load, op.v128Store, op.f64x2Mul, op.f64x2Add]
        : [op.f64Load, op.f64Store, op.f64Mul, op.f64Add];
    return [
      ...at(a, I),
      ...at(a, I),
      ...load,
      ...at(b, I),
      ...load,
      ...op.get(gj),
      ...mul,
      ...add,
      ...store,
    ];
  };
  return {
    name: "backwardRow",
    params: [i32, i32, i32, i32, i32, i32, i32],
    locals: [i32, i32, i32, i32, i32, i32, f64, v128],
    // biome-ignore format: a line per instruction group, as a text-format listing reads
    body: [
      ...op.get(NIN), ...op.i32(8), ...op.i32Mul, ...op.set(ROW), // a row of w, in bytes
      ...op.get(ROW), ...op.i32(-16), ...op.i32And, ...op.set(PAIRS), // its whole pairs
      ...op.get(NOUT), ...op.set(J),
      // wRow, gwRow: one row past the last, stepped back before each row
      ...op.get(W), ...op.get(NOUT), ...op.get(ROW), ...op.i32Mul, ...op.i32Add, ...op.set(WROW),
      ...op.get(GW), ...op.get(NOUT), ...op.get(ROW), ...op.i32Mul, ...op.i32Add, ...op.set(GWROW),
      ...op.block, ...op.loop,
      ...op.get(J), ...op.i32Eqz, ...op.brIf(1), // every row done
      ...op.get(J), ...op.i32(1), ...op.i32Sub, ...op.set(J),
      ...op.get(WROW), ...op.get(ROW), ...op.i32Sub, ...op.set(WROW),
      ...op.get(GWROW), ...op.get(ROW), ...op.i32Sub, ...op.set(GWROW),
      ...op.get(G), ...op.get(J), ...op.i32(8), ...op.i32Mul, ...op.i32Add, ...op.f64Load, ...op.set(GJ),
      ...op.get(GJ), ...op.f64x2Splat, ...op.set(GJV), // g[j] in both lanes
      ...op.i32(0), ...op.set(I),
      ...op.block, ...op.loop,
      ...op.get(I), ...op.get(PAIRS), ...op.i32GeU, ...op.brIf(1),
      ...addProduct(GX, WROW, GJV, "two"), // ∂out[j]/∂x[i] = w[j, i]
      ...addProduct(GWROW, X, GJV, "two"), // ∂out[j]/∂w[j, i] = x[i]
      ...op.get(I), ...op.i32(16), ...op.i32Add, ...op.set(I),
      ...op.br(0),
      ...op.end, ...op.end,
      ...op.get(I), ...op.get(ROW), ...op.i32LtU, ...op.if, // an odd nin: its last i alone
      ...addProduct(GX, WROW, GJ, "one"),
      ...addProduct(GWROW, X, GJ, "one"),
      ...op.end,
      ...op.br(0),
      ...op.end, ...op.end,
    ],
  };
})();

interface Exports {
  sgd(p: number, g: number, b: number, bytes: number, lr: number, mu: number): void;
  backwardRow(
    x: number,
    w: number,
    g: number,
    gx: number,
    gw: number,
    nin: number,
    nout: number,
  ): void;
}

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
      // Synchronous: the module is far under the 4 KB a browser's main thread may compile so.
      compiled = new WebAssembly.Module(encodeModule([sgd, backwardRow]));
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
   * `linearBackward`'s fused rows (both gradients, batch rows from the last down), when w and gw
   * live in this memory and a row's x, g and gx fit its scratch: those are copied in, gx back out.
   * Returns false, having done nothing, when they do not.
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
    const even = (n: number) => n + (n & 1); // keeps each part 16-byte aligned
    if (gw.buffer !== w.buffer || 2 * even(nin) + nout > this.#scratchLength) return false;
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
  if (module === null || typeof WebAssembly === "undefined") return null;
  try {
    const pages = Math.max(1, Math.ceil((length * 8) / 65536));
    const memory = new WebAssembly.Memory({ initial: pages, maximum: pages });
    const instance = new WebAssembly.Instance(module, { env: { memory } });
    const floats = new Float64Array(memory.buffer, 0, length);
    const exports = instance.exports as unknown as Exports;
    bound.set(memory.buffer, new Simd(exports, floats, length - scratchLength, scratchLength));
    return floats;
  } catch {
    return null; // no address space left for another memory: plain arrays do the same
  }
}
