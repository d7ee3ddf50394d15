// The colours of a two-class model's output, for every decision boundary of the project (the
// lessons' figures and the XOR explorer's canvas): blue towards class 0, red towards class 1,
// light in between, light enough in both colour schemes for dark ink on top.

const LOW = [103, 169, 207]; // class 0
const MID = [247, 247, 247];
const HIGH = [239, 138, 98]; // class 1

/** The colour of t ∈ [0, 1] (clamped; not finite is the middle) as [r, g, b]. */
export function twoClassColour(t: number): [number, number, number] {
  const u = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0.5));
  const [a, b, s] = u < 0.5 ? [LOW, MID, u * 2] : [MID, HIGH, u * 2 - 1];
  return [0, 1, 2].map((k) => Math.round(a[k]! + (b[k]! - a[k]!) * s)) as [number, number, number];
}

/** The same scale as a CSS gradient, left to right from 0 to 1. */
export const TWO_CLASS_GRADIENT = `linear-gradient(to right, rgb(${LOW}), rgb(${MID}), rgb(${HIGH}))`;

/**
 * Ink for lines and points drawn on the scale: dark in light and dark mode alike, since the
 * colours are light in both. (In currentColor, dark mode's light text colour, a line vanished
 * into the palest colours, the ones around the threshold.)
 */
export const TWO_CLASS_INK = "#1f2328";
