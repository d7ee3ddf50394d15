// A small `expect` for lessons run in the browser: the worker maps `import { expect } from
// "vitest"` here, so a lesson's assertions run in the page without shipping vitest. The
// matchers lessons use, with vitest's semantics and messages close to vitest's.

import { inspect } from "./inspect.ts";

type Matcher = (...expected: never[]) => void;
const NONE = Symbol("no expected value");

/** The matchers of one `expect(actual)`, and their negations under `.not`. */
export interface Assertion {
  not: Omit<Assertion, "not">;
  toBe(expected: unknown): void;
  toEqual(expected: unknown): void;
  toStrictEqual(expected: unknown): void;
  toBeCloseTo(expected: number, digits?: number): void;
  toBeGreaterThan(n: number): void;
  toBeGreaterThanOrEqual(n: number): void;
  toBeLessThan(n: number): void;
  toBeLessThanOrEqual(n: number): void;
  toBeTruthy(): void;
  toBeFalsy(): void;
  toBeNaN(): void;
  toBeNull(): void;
  toBeUndefined(): void;
  toBeDefined(): void;
  toBeInstanceOf(type: abstract new (...args: never[]) => unknown): void;
  toContain(item: unknown): void;
  toHaveLength(length: number): void;
  toMatch(pattern: RegExp | string): void;
  toThrow(expected?: RegExp | string): void;
}

/** The error an assertion throws, named as vitest names it. */
export class AssertionError extends Error {
  override name = "AssertionError";
}

/** Deep equality; `strict` also compares classes and undefined properties, like toStrictEqual. */
export function equals(a: unknown, b: unknown, strict = false): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (strict && Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (a instanceof Map && b instanceof Map)
    return a.size === b.size && [...a].every(([k, v]) => b.has(k) && equals(v, b.get(k), strict));
  if (a instanceof Set && b instanceof Set)
    return a.size === b.size && [...a].every((v) => b.has(v));
  const keys = (o: object) =>
    Object.keys(o).filter((k) => strict || (o as Record<string, unknown>)[k] !== undefined);
  const [ka, kb] = [keys(a), keys(b)];
  if (ka.length !== kb.length) return false;
  return ka.every((k) =>
    equals((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], strict),
  );
}

function thrownBy(fn: unknown): { error: unknown } | undefined {
  if (typeof fn !== "function")
    throw new TypeError(`expect(…).toThrow: expected a function, got ${inspect(fn)}`);
  try {
    fn();
  } catch (error) {
    return { error };
  }
  return undefined;
}

function matchers(actual: unknown, negate: boolean): Omit<Assertion, "not"> {
  const show = (value: unknown) => inspect(value);
  const check = (pass: boolean, what: string, expected: unknown = NONE, note = "") => {
    if (pass === negate) {
      const tail = expected === NONE ? "" : ` ${show(expected)}`;
      throw new AssertionError(
        `expected ${show(actual)} ${negate ? "not " : ""}${what}${tail}${note}`,
      );
    }
  };
  const number = (n: unknown) => n as number;
  const all: Record<keyof Omit<Assertion, "not">, Matcher> = {
    toBe: (e: unknown) => check(Object.is(actual, e), "to be", e, " // Object.is equality"),
    toEqual: (e: unknown) => check(equals(actual, e), "to deeply equal", e),
    toStrictEqual: (e: unknown) => check(equals(actual, e, true), "to strictly equal", e),
    toBeCloseTo: (e: number, digits = 2) =>
      check(
        Math.abs(number(actual) - e) < 10 ** -digits / 2,
        "to be close to",
        e,
        ` (${digits} digits)`,
      ),
    toBeGreaterThan: (n: number) => check(number(actual) > n, "to be greater than", n),
    toBeGreaterThanOrEqual: (n: number) =>
      check(number(actual) >= n, "to be greater than or equal to", n),
    toBeLessThan: (n: number) => check(number(actual) < n, "to be less than", n),
    toBeLessThanOrEqual: (n: number) =>
      check(number(actual) <= n, "to be less than or equal to", n),
    toBeTruthy: () => check(Boolean(actual), "to be truthy"),
    toBeFalsy: () => check(!actual, "to be falsy"),
    toBeNaN: () => check(Number.isNaN(actual), "to be NaN"),
    toBeNull: () => check(actual === null, "to be null"),
    toBeUndefined: () => check(actual === undefined, "to be undefined"),
    toBeDefined: () => check(actual !== undefined, "to be defined"),
    toBeInstanceOf: (type: abstract new (...args: never[]) => unknown) =>
      check(actual instanceof type, `to be an instance of ${type.name}`),
    toContain: (item: unknown) =>
      check(
        typeof actual === "string"
          ? actual.includes(String(item))
          : Array.isArray(actual) && actual.includes(item),
        "to contain",
        item,
      ),
    toHaveLength: (n: number) =>
      check((actual as { length?: unknown })?.length === n, "to have a length of", n),
    toMatch: (p: RegExp | string) =>
      check(
        typeof actual === "string" && (typeof p === "string" ? actual.includes(p) : p.test(actual)),
        "to match",
        p,
      ),
    toThrow: (expected?: RegExp | string) => {
      const thrown = thrownBy(actual);
      const message = thrown ? String((thrown.error as Error)?.message ?? thrown.error) : "";
      const matches =
        thrown !== undefined &&
        (expected === undefined ||
          (typeof expected === "string" ? message.includes(expected) : expected.test(message)));
      if (matches === negate) {
        const wanted =
          expected === undefined ? "to throw" : `to throw an error matching ${show(expected)}`;
        throw new AssertionError(
          `expected the function ${negate ? "not " : ""}${wanted}${thrown ? `, it threw "${message}"` : ", it did not throw"}`,
        );
      }
    },
  };
  return all as unknown as Omit<Assertion, "not">;
}

/** vitest's `expect`, for the matchers lessons use. */
export function expect(actual: unknown): Assertion {
  return { ...matchers(actual, false), not: matchers(actual, true) };
}
