// The words of the errors: each names the op, the value that was wrong, and what was expected.
import type { Value } from "./value.ts";

/** A number operand, checked: NaN would turn every value computed from it into NaN. */
export function num(op: string, x: number): number {
  if (Number.isNaN(x)) throw new TypeError(`${op}: expected a number or a Value, got NaN`);
  return x;
}

/** How an error message names a value: `Value(data=-1)`, with its label if it has one. */
export function describe(v: Value): string {
  return `Value(data=${v.data}${v.label ? `, label=${JSON.stringify(v.label)}` : ""})`;
}

/** How an error message names something that should have been a number. */
export function show(x: unknown): string {
  if (typeof x === "string") return JSON.stringify(x);
  if (typeof x === "object" && x !== null) return Array.isArray(x) ? "an array" : "an object";
  return typeof x === "function" ? "a function" : String(x);
}
