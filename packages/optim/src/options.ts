// The checks every optimizer runs on what it is given. Each error names the optimizer, the option,
// the value received and what was expected: a bad setting fails at construction, not as a NaN
// a thousand steps later.
import { show, Value } from "@gradbook/autograd";

/**
 * The parameters an optimizer will update, checked and copied (so that later changes to the
 * caller's array cannot put them out of line with the optimizer's state, which is indexed like it).
 */
export function parameterList(where: string, params: unknown): readonly Value[] {
  if (!Array.isArray(params))
    throw new TypeError(`${where}: expected params to be an array of Values, got ${show(params)}`);
  // PyTorch's message, with what was expected.
  if (params.length === 0)
    throw new RangeError(
      `${where}: optimizer got an empty parameter list (expected at least one Value)`,
    );
  const seen = new Map<Value, number>();
  params.forEach((p: unknown, i) => {
    if (!(p instanceof Value))
      throw new TypeError(`${where}: expected params to be Values, got ${show(p)} at index ${i}`);
    // A parameter listed twice would be stepped twice per step, with two separate states.
    const first = seen.get(p);
    if (first !== undefined)
      throw new RangeError(
        `${where}: expected each parameter once, got the same Value at indices ${first} and ${i}`,
      );
    seen.set(p, i);
  });
  return params.slice() as Value[];
}

/** Rejects option names the optimizer does not know (`weight_decay` for `weightDecay`, say), which would otherwise be ignored. */
export function knownOptions(
  where: string,
  opts: unknown,
  names: readonly string[],
): Record<string, unknown> {
  if (opts === undefined) return {};
  if (typeof opts !== "object" || opts === null || Array.isArray(opts)) {
    throw new TypeError(`${where}: expected an options object, got ${show(opts)}`);
  }
  for (const key of Object.keys(opts)) {
    if (!names.includes(key)) {
      throw new TypeError(
        `${where}: unknown option ${JSON.stringify(key)}: expected ${names.slice(0, -1).join(", ")} or ${names.at(-1)}`,
      );
    }
  }
  return opts as Record<string, unknown>;
}

/** A learning rate: a finite number ≥ 0 (0 freezes the parameters, which a sweep may want). */
export function checkLr(where: string, lr: unknown): number {
  if (typeof lr !== "number" || !Number.isFinite(lr) || lr < 0) {
    throw new RangeError(`${where}: expected lr to be a finite number ≥ 0, got ${show(lr)}`);
  }
  return lr;
}

/** A number option in `[lo, hi)`, or `[lo, hi]` when `closed`; with `hi` Infinity, any finite number ≥ `lo`. Returns it. */
export function checkRange(
  where: string,
  name: string,
  x: unknown,
  lo: number,
  hi: number,
  closed: boolean,
): number {
  if (typeof x === "number" && x >= lo && (closed ? x <= hi : x < hi)) return x;
  const range =
    hi === Infinity ? `to be a finite number ≥ ${lo}` : `in [${lo}, ${hi}${closed ? "]" : ")"}`;
  throw new RangeError(`${where}: expected ${name} ${range}, got ${show(x)}`);
}

/** A number option that must be strictly positive and finite (Adam's `eps`). */
export function checkPositive(where: string, name: string, x: unknown): number {
  if (typeof x === "number" && x > 0 && Number.isFinite(x)) return x;
  throw new RangeError(`${where}: expected ${name} to be a finite number > 0, got ${show(x)}`);
}

/** A yes/no option. */
export function checkBoolean(where: string, name: string, x: unknown): boolean {
  if (typeof x === "boolean") return x;
  throw new TypeError(`${where}: expected ${name} to be true or false, got ${show(x)}`);
}
