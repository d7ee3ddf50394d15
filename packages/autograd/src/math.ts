// The elementary functions the library computes with. Every op, initializer and optimizer calls
// these, never Math.* directly, so that one file decides what the numbers are.
// (Placeholder: Math.* for now; issue 16 replaces them with engine-independent implementations.)

/** eˣ */
export const exp = Math.exp;
/** ln x */
export const log = Math.log;
/** ln(1 + x) */
export const log1p = Math.log1p;
/** tanh x */
export const tanh = Math.tanh;
/** sin x (radians) */
export const sin = Math.sin;
/** cos x (radians) */
export const cos = Math.cos;
/** xʸ */
export const pow = (x: number, y: number): number => x ** y;
