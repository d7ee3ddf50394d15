import * as math from "../../../packages/libm/src/index.ts"; // by path: the site does not depend on the packages

// A fingerprint of the library's elementary functions: FNV-1a over the bit patterns of their
// results on fixed inputs. Bundled into a page by math.browser.test.ts, so the same code runs in
// Node and in chromium; equal digests mean equal bits on every input.

const INPUTS = 20_000;
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

/** Fixed inputs: an LCG's uniforms scaled to [−10, 10], then the same spread over wider ranges. */
function inputs(scale: number): number[] {
  let s = 16;
  return Array.from({ length: INPUTS }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (s / 4294967296 - 0.5) * 2 * scale;
  });
}

/** FNV-1a (32-bit) over the two words of each result. */
function fnv(results: number[]): string {
  let h = 0x811c9dc5;
  for (const y of results) {
    f64[0] = y;
    for (const word of [u32[0]!, u32[1]!]) {
      h = Math.imul(h ^ word, 0x01000193) >>> 0;
    }
  }
  return h.toString(16).padStart(8, "0");
}

const unary = {
  exp: math.exp,
  expm1: math.expm1,
  log: math.log,
  log1p: math.log1p,
  tanh: math.tanh,
  sin: math.sin,
  cos: math.cos,
};
const reference = {
  exp: Math.exp,
  expm1: Math.expm1,
  log: Math.log,
  log1p: Math.log1p,
  tanh: Math.tanh,
  sin: Math.sin,
  cos: Math.cos,
};

/** Per function, the digest of its results on [−10, 10] and on wider ranges; `pow` over pairs. Set `Math` to fingerprint Math.* instead. */
export function digests(useMath = false): Record<string, string> {
  const small = inputs(10);
  const wide = inputs(700);
  const fns = useMath ? reference : unary;
  const out: Record<string, string> = {};
  for (const [name, fn] of Object.entries(fns)) {
    const xs = name.startsWith("log")
      ? [...small, ...wide].map(Math.abs)
      : name === "sin" || name === "cos"
        ? [...small, ...wide.map((x) => x * 1e12)]
        : [...small, ...wide];
    out[name] = fnv(xs.map(fn));
  }
  const pow = useMath ? (x: number, y: number) => x ** y : math.pow;
  out.pow = fnv(small.map((x, i) => pow(Math.abs(x), small[(i + 1) % INPUTS]! * 5)));
  return out;
}
