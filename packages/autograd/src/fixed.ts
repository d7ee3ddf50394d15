/** `x` with a fixed number of decimals, never `-0.0000`: printed numbers stay stable and aligned. */
export function fixed(x: number, digits: number): string {
  const s = x.toFixed(digits);
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s;
}
