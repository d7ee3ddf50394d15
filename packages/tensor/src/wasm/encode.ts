// A WebAssembly module written out byte by byte: just the encodings the SIMD kernels use (the
// binary format is specified at https://webassembly.github.io/spec/core/binary/). No toolchain:
// the kernels are TypeScript source that builds their bytes when first needed.

/** An instruction's bytes (or a sequence of instructions'). */
export type Code = number[];

/** n as unsigned LEB128: seven bits a byte, low first, the top bit set on all but the last. */
function uleb(n: number): Code {
  const out: Code = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

/** n as signed LEB128: the same, ending once the rest is the sign. */
function sleb(n: number): Code {
  const out: Code = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}

/** A vector: its length, then its items. */
const vec = (items: readonly Code[]): Code => [...uleb(items.length), ...items.flat()];
const name = (s: string): Code => vec([...s].map((c) => [c.charCodeAt(0)]));
const section = (id: number, body: Code): Code => [id, ...uleb(body.length), ...body];
/** A memory access's immediate: log2 of the alignment it promises (8 bytes), and no offset. */
const memarg = [3, 0];
const simd = (op: number): Code => [0xfd, ...uleb(op)];

/** Value types. */
export const i32 = 0x7f;
export const f64 = 0x7c;
export const v128 = 0x7b;

/** The instructions the kernels use, by their text-format names. */
export const op = {
  // control: a block's label is where `br` leaves it; a loop's label is its start
  block: [0x02, 0x40],
  loop: [0x03, 0x40],
  if: [0x04, 0x40],
  end: [0x0b],
  br: (depth: number): Code => [0x0c, ...uleb(depth)],
  brIf: (depth: number): Code => [0x0d, ...uleb(depth)],
  // locals (the parameters first)
  get: (i: number): Code => [0x20, ...uleb(i)],
  set: (i: number): Code => [0x21, ...uleb(i)],
  tee: (i: number): Code => [0x22, ...uleb(i)],
  // 32-bit integers: addresses and counters
  i32: (n: number): Code => [0x41, ...sleb(n)],
  i32Eqz: [0x45],
  i32LtU: [0x49],
  i32GtU: [0x4b],
  i32GeU: [0x4f],
  i32Add: [0x6a],
  i32Sub: [0x6b],
  i32Mul: [0x6c],
  i32And: [0x71],
  // one float64
  f64Load: [0x2b, ...memarg],
  f64Store: [0x39, ...memarg],
  f64Add: [0xa0],
  f64Sub: [0xa1],
  f64Mul: [0xa2],
  // two float64 lanes: each lane is rounded exactly as one f64 operation would be
  v128Load: [...simd(0x00), ...memarg],
  v128Store: [...simd(0x0b), ...memarg],
  /** Two lanes of a (0, 1) and b (2, 3) shuffled to (lanes[0], lanes[1]): i8x16.shuffle, by bytes. */
  shuffle: (lanes: readonly [number, number]): Code => [
    ...simd(0x0d),
    ...lanes.flatMap((lane) => Array.from({ length: 8 }, (_, k) => lane * 8 + k)),
  ],
  v128Load64Splat: [...simd(0x0a), ...memarg], // one float64, in both lanes
  v128Load64Lane: (lane: number): Code => [...simd(0x57), ...memarg, lane], // one float64 into a lane
  v128Store64Lane: (lane: number): Code => [...simd(0x5b), ...memarg, lane], // one lane out
  f64x2Splat: simd(0x14),
  f64x2Add: simd(0xf0),
  f64x2Sub: simd(0xf1),
  f64x2Mul: simd(0xf2),
};

/** A function to export: its parameters' types, its extra locals' types, and its body. */
export interface Func {
  name: string;
  params: readonly number[];
  locals: readonly number[];
  body: Code;
}

/** A module of functions that return nothing, over one memory it imports as `env.memory`. */
export function encodeModule(funcs: readonly Func[]): Uint8Array<ArrayBuffer> {
  const types = funcs.map((f) => [0x60, ...vec(f.params.map((t) => [t])), ...vec([])]);
  const bodies = funcs.map((f) => {
    const code = [...vec(f.locals.map((t) => [1, t])), ...f.body, ...op.end];
    return [...uleb(code.length), ...code];
  });
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00], // "\0asm", version 1
    ...section(1, vec(types)), // one type per function
    ...section(2, vec([[...name("env"), ...name("memory"), 0x02, 0x00, 0x01]])), // memory, ≥ 1 page
    ...section(3, vec(funcs.map((_, i) => uleb(i)))), // function i has type i
    ...section(7, vec(funcs.map((f, i) => [...name(f.name), 0x00, ...uleb(i)]))), // exports
    ...section(10, vec(bodies)),
  ]);
}
