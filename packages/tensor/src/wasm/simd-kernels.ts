import { type Code, encodeModule, f64, i32, op, v128 } from "./encode.ts";

// Three of the one-point step's loops in WebAssembly SIMD, two float64 lanes at a time: the
// forward and backward of a layer for one batch row, and SGD's usual update. The lanes run across
// elements, never along a sum (the forward's lanes are two outputs, each its own sum): each
// element gets the same operations in the same order as in the JS loop it replaces, each rounded
// alike, so the results are the same bits, NaN payloads aside (a NaN's sign and payload bits are
// the engine's choice in WebAssembly): test/simd.test.ts checks it, odd sizes included.

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

/**
 * forwardRow(x, w, bias, out, nin, nout): out[j] = bias[j] + Σᵢ x[i]·w[j, i], i from 0 up:
 * `linearForward` for one batch row. The lanes are two outputs j, j + 1, each its own sum in
 * `linearRow`'s order; a pair of i is read from each row and shuffled into (w[j, i], w[j + 1, i])
 * and (w[j, i + 1], w[j + 1, i + 1]). Eight outputs at a time (four sums of two lanes in flight),
 * then two at a time, then an odd last one in both lanes with lane 0 kept.
 */
const forwardRow = (() => {
  const [X, W, B, OUT, NIN, NOUT] = [0, 1, 2, 3, 4, 5]; // the parameters
  const [ROW, PAIRS, END, J, WROW, I] = [6, 7, 8, 9, 10, 11]; // byte counts and offsets
  const R = [12, 13, 14, 15, 16, 17, 18, 19]; // the addresses of rows j … j + 7 of w
  const ACC = [20, 21, 22, 23]; // outputs (j, j + 1), (j + 2, j + 3), …
  const [XI, XI1] = [24, 25]; // x[i] and x[i + 1], each in both lanes
  const range = (k: number) => Array.from({ length: k }, (_, m) => m);
  /** Two lanes from `base + i + 16·m`. */
  const load = (base: number, i: number, m = 0): Code => [
    ...at(base, i),
    ...op.i32(16 * m),
    ...op.i32Add,
    ...op.v128Load,
  ];
  /** The sums of outputs j … j + 2k − 1 from rows R[0 … 2k − 1]; `keep` "first": lane 0 alone is stored. */
  // biome-ignore format: a line per instruction group, as a text-format listing reads
  const sums = (k: number, keep: "both" | "first"): Code => [
    ...range(k).flatMap((m) => [...load(B, J, m), ...op.set(ACC[m]!)]), // start from the biases
    ...op.i32(0), ...op.set(I),
    ...op.block, ...op.loop,
    ...op.get(I), ...op.get(PAIRS), ...op.i32GeU, ...op.brIf(1),
    ...load(X, I), ...op.tee(XI1), ...op.get(XI1), ...op.shuffle([0, 2]), ...op.set(XI),
    ...op.get(XI1), ...op.get(XI1), ...op.shuffle([1, 3]), ...op.set(XI1),
    ...range(k).flatMap((m) => [
      ...op.get(ACC[m]!), // + (w[j, i], w[j + 1, i])·x[i], then the same at i + 1
      ...load(R[2 * m]!, I), ...load(R[2 * m + 1]!, I), ...op.shuffle([0, 2]), ...op.get(XI), ...op.f64x2Mul, ...op.f64x2Add,
      ...load(R[2 * m]!, I), ...load(R[2 * m + 1]!, I), ...op.shuffle([1, 3]), ...op.get(XI1), ...op.f64x2Mul, ...op.f64x2Add,
      ...op.set(ACC[m]!),
    ]),
    ...op.get(I), ...op.i32(16), ...op.i32Add, ...op.set(I),
    ...op.br(0),
    ...op.end, ...op.end,
    ...op.get(I), ...op.get(ROW), ...op.i32LtU, ...op.if, // an odd nin: its last i
    ...at(X, I), ...op.v128Load64Splat, ...op.set(XI),
    ...range(k).flatMap((m) => [
      ...op.get(ACC[m]!), // + (w[j, i], w[j + 1, i])·x[i]
      ...at(R[2 * m + 1]!, I), ...at(R[2 * m]!, I), ...op.v128Load64Splat, ...op.v128Load64Lane(1),
      ...op.get(XI), ...op.f64x2Mul, ...op.f64x2Add, ...op.set(ACC[m]!),
    ]),
    ...op.end,
    ...range(k).flatMap((m) => [
      ...at(OUT, J), ...op.i32(16 * m), ...op.i32Add, ...op.get(ACC[m]!),
      ...(keep === "both" ? op.v128Store : op.v128Store64Lane(0)),
    ]),
  ];
  /** R[0 … count − 1] ← the rows from wRow on, wRow ← the row after them. */
  // biome-ignore format: a line per instruction group, as a text-format listing reads
  const rows = (count: number): Code =>
    range(count).flatMap((m) => [
      ...op.get(WROW), ...op.set(R[m]!),
      ...op.get(WROW), ...op.get(ROW), ...op.i32Add, ...op.set(WROW),
    ]);
  /** While the next `outputs` outputs (8 or 2) are all there: their sums. */
  // biome-ignore format: a line per instruction group, as a text-format listing reads
  const blocks = (outputs: number): Code => [
    ...op.block, ...op.loop,
    ...op.get(J), ...op.i32(8 * outputs), ...op.i32Add, ...op.get(END), ...op.i32GtU, ...op.brIf(1),
    ...rows(outputs),
    ...sums(outputs / 2, "both"),
    ...op.get(J), ...op.i32(8 * outputs), ...op.i32Add, ...op.set(J),
    ...op.br(0),
    ...op.end, ...op.end,
  ];
  return {
    name: "forwardRow",
    params: [i32, i32, i32, i32, i32, i32],
    locals: [...range(14).map(() => i32), ...range(6).map(() => v128)],
    // biome-ignore format: a line per instruction group, as a text-format listing reads
    body: [
      ...op.get(NIN), ...op.i32(8), ...op.i32Mul, ...op.set(ROW), // a row of w, in bytes
      ...op.get(ROW), ...op.i32(-16), ...op.i32And, ...op.set(PAIRS), // its whole pairs
      ...op.get(NOUT), ...op.i32(8), ...op.i32Mul, ...op.set(END), // j and END count bytes
      ...op.get(W), ...op.set(WROW),
      ...blocks(8),
      ...blocks(2),
      ...op.get(J), ...op.get(END), ...op.i32LtU, ...op.if, // an odd nout: row j in both lanes
      ...op.get(WROW), ...op.set(R[0]!), ...op.get(WROW), ...op.set(R[1]!),
      ...sums(1, "first"),
      ...op.end,
    ],
  };
})();

/** What the module exports: the kernels, over byte addresses in its memory. */
export interface Exports {
  forwardRow(x: number, w: number, bias: number, out: number, nin: number, nout: number): void;
  backwardRow(
    x: number,
    w: number,
    g: number,
    gx: number,
    gw: number,
    nin: number,
    nout: number,
  ): void;
  sgd(p: number, g: number, b: number, bytes: number, lr: number, mu: number): void;
}

/** The module's bytes: the three kernels, over a memory it imports as `env.memory`. */
export const kernelBytes = (): Uint8Array<ArrayBuffer> =>
  encodeModule([forwardRow, backwardRow, sgd]);
