// Distance in ulps between two float64s: how many representable numbers lie between them.

const f64 = new Float64Array(1);
const i64 = new BigInt64Array(f64.buffer);

/** The float's position on the number line of float64s: consecutive floats are consecutive integers, −0 and +0 both 0. */
function ordinal(x: number): bigint {
  f64[0] = x;
  const bits = i64[0]!;
  return bits < 0n ? -(bits & 0x7fffffffffffffffn) : bits;
}

/** |a − b| counted in floats between them; 0 when both are NaN, Infinity when only one is. */
export function ulpDistance(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b) ? 0 : Infinity;
  const d = ordinal(a) - ordinal(b);
  return Number(d < 0n ? -d : d);
}
