import { format as nodeFormat, inspect as nodeInspect } from "node:util";
import { describe, expect, it } from "vitest";
import { format } from "../src/client/format.ts";

// The browser runner's console must print what Node's prints (the kit records lesson output
// with node:util's format): every case is checked against Node itself, not a hand-written string.

class Point {
  constructor(
    readonly x: number,
    readonly y: number,
  ) {}
}
class Labelled {
  [Symbol.for("nodejs.util.inspect.custom")]() {
    return "Value(data=2.0000, grad=0.0000)";
  }
}
class WithToString {
  toString() {
    return "custom text";
  }
}
const circular: Record<string, unknown> = { name: "loop" };
circular.self = circular;
const sparse = [1, , 3]; // eslint-disable-line no-sparse-arrays

const cases: [string, unknown[]][] = [
  ["a string alone", ["hello, gradient"]],
  ["numbers and -0", [1, -0, 0.1 + 0.2, NaN, -Infinity, 2n]],
  ["booleans, null, undefined, symbol", [true, null, undefined, Symbol("s")]],
  ["a short array", [[1, 2, 3]]],
  ["an empty array and object", [[], {}]],
  ["a long numeric array in columns", [Array.from({ length: 26 }, (_, i) => i * i)]],
  [
    "a long string array in columns",
    [["tanh", "relu", "sigmoid", "linear", "gelu", "silu", "elu", "selu"]],
  ],
  ["an array over 100 items", [Array.from({ length: 120 }, (_, i) => i)]],
  [
    "floats that wrap",
    [
      [
        0.123456789, -0.987654321, 0.5555555555, 0.111111111, 0.2222222222, 0.333333333333,
        0.44444444444, 0.6666666666,
      ],
    ],
  ],
  ["a sparse array", [sparse]],
  ["a plain object", [{ total: 6, mean: 2 }]],
  ["quoted keys and strings", [{ "a-b": "it's", c: 'say "hi"', d: "both ' and \"" }]],
  ["nested objects past the depth", [{ a: { b: { c: { d: { e: 1 } } } } }]],
  [
    "an object too long for a line",
    [
      {
        alpha: "aaaaaaaaaaaaaaaa",
        beta: "bbbbbbbbbbbbbbbbbbb",
        gamma: "ccccccccccccccccc",
        delta: 4,
      },
    ],
  ],
  [
    "arrays of arrays",
    [
      [
        [1, 2],
        [3, 4],
        [5, 6],
      ],
    ],
  ],
  [
    "a matrix of floats",
    [Array.from({ length: 4 }, (_, i) => Array.from({ length: 5 }, (_, j) => (i - j) / 7))],
  ],
  ["a class instance", [new Point(1, 2)]],
  ["a custom inspect method", [new Labelled(), [new Labelled(), new Labelled()]]],
  [
    "Map and Set",
    [
      new Map([
        ["lr", 0.1],
        ["momentum", 0.9],
      ]),
      new Set([1, 2, 3]),
      new Map(),
      new Set(),
    ],
  ],
  ["functions and classes", [function named() {}, () => 1, Point]],
  ["a circular object", [circular]],
  ["a null-prototype object", [Object.assign(Object.create(null), { a: 1 })]],
  ["a Date and a RegExp", [new Date(0), /ab+c/gi]],
  ["%s %d %i %f %j %%", ["%s is %d, %i, %f, %j, 100%%", "x", 4.5, "42.9", "1.5", { a: 1 }]],
  ["%s with an object and a custom toString", ["%s and %s", { a: 1 }, new WithToString()]],
  ["%o and %O", ["%O", { a: [1, 2] }]],
  ["too few arguments for the placeholders", ["%s and %s", "one"]],
  [
    "a multi-line string inside an object",
    [{ text: "line one is quite long indeed\nline two is also quite long, long enough to split" }],
  ],
];

describe("the browser console's format", () => {
  it.each(cases)("prints %s as Node does", (_name, args) => {
    expect(format(...args)).toBe(nodeFormat(...args));
  });

  it("prints a top-level string raw and a nested one quoted", () => {
    expect(format("a", ["a"])).toBe(`a ${nodeInspect(["a"])}`);
  });
});
