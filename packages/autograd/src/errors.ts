// The words of the errors: each names the op, the value that was wrong, and what was expected.
import { Value } from "./value.ts";

/** A number operand, checked: NaN would turn every value computed from it into NaN. */
export function num(op: string, x: number): number {
  if (Number.isNaN(x)) throw new TypeError(`${op}: expected a number or a Value, got NaN`);
  return x;
}

/**
 * How a Value prints: `Value(data=0.5, grad=1, label="a")`, its grad left out where it says
 * nothing (in an error message, which is about the data).
 */
export function showValue(v: Value, withGrad: boolean): string {
  return `Value(data=${v.data}${withGrad ? `, grad=${v.grad}` : ""}${v.label ? `, label=${JSON.stringify(v.label)}` : ""})`;
}

/**
 * How an error message shows something it received, in every package: numbers as JavaScript
 * prints them, strings quoted, a Value as `Value(data=-1, label="a")`, lists in brackets (the
 * first ten items: a message stays one line), other objects and functions by kind.
 * @example show([5, 0, 1]) // "[5, 0, 1]"
 */
export function show(x: unknown): string {
  if (x instanceof Value) return showValue(x, false);
  if (Array.isArray(x))
    return `[${x.slice(0, 10).map(show).join(", ")}${x.length > 10 ? `, … ${x.length} in all` : ""}]`;
  if (typeof x === "string") return JSON.stringify(x);
  if (typeof x === "object" && x !== null) return "an object";
  return typeof x === "function" ? "a function" : String(x);
}
