// What `console.log` prints in the browser runner, written to match Node's `util.format` (the
// kit records lesson output with it), so a lesson run in the page prints what the page shows.
// A port of Node's formatWithOptions (lib/internal/util/inspect.js); tested against Node itself.

import { formatNumber, inspect } from "./inspect.ts";

/** Formats arguments like Node's `util.format` (what `console.log` prints, without the newline). */
export function format(...args: unknown[]): string {
  const first = args[0];
  let a = 0;
  let str = "";
  let join = "";
  if (typeof first === "string") {
    if (args.length === 1) return first;
    let lastPos = 0;
    for (let i = 0; i < first.length - 1; i++) {
      if (first[i] !== "%") continue;
      const next = first[++i];
      if (a + 1 !== args.length) {
        let piece: string;
        const arg = args[a + 1];
        switch (next) {
          case "s":
            piece =
              typeof arg === "number"
                ? formatNumber(arg)
                : typeof arg === "bigint"
                  ? `${arg}n`
                  : typeof arg !== "object" || arg === null || !hasBuiltInToString(arg)
                    ? String(arg)
                    : inspect(arg, 0);
            break;
          case "j":
            piece = stringify(arg);
            break;
          case "d":
            piece =
              typeof arg === "bigint"
                ? `${arg}n`
                : typeof arg === "symbol"
                  ? "NaN"
                  : formatNumber(Number(arg));
            break;
          case "i":
            piece =
              typeof arg === "bigint"
                ? `${arg}n`
                : typeof arg === "symbol"
                  ? "NaN"
                  : formatNumber(Number.parseInt(String(arg)));
            break;
          case "f":
            piece = typeof arg === "symbol" ? "NaN" : formatNumber(Number.parseFloat(String(arg)));
            break;
          case "O":
            piece = inspect(arg);
            break;
          case "o":
            piece = inspect(arg, 4);
            break;
          case "c":
            piece = "";
            break;
          case "%":
            str += first.slice(lastPos, i);
            lastPos = i + 1;
            continue;
          default:
            continue;
        }
        a++;
        if (lastPos !== i - 1) str += first.slice(lastPos, i - 1);
        str += piece;
        lastPos = i + 1;
      } else if (next === "%") {
        str += first.slice(lastPos, i);
        lastPos = i + 1;
      }
    }
    if (lastPos !== 0) {
      a++;
      join = " ";
      if (lastPos < first.length) str += first.slice(lastPos);
    }
  }
  for (; a < args.length; a++) {
    const value = args[a];
    str += join + (typeof value === "string" ? value : inspect(value));
    join = " ";
  }
  return str;
}

const BUILT_INS = new Set([
  "Object",
  "Array",
  "Error",
  "Date",
  "RegExp",
  "Function",
  "Map",
  "Set",
  "Promise",
  "Number",
  "String",
  "Boolean",
]);

/** Whether `%s` should inspect an object (its `toString` is a built-in one) rather than call it. */
function hasBuiltInToString(value: object): boolean {
  if (typeof (value as { toString?: unknown }).toString !== "function") return true;
  if (Object.prototype.hasOwnProperty.call(value, "toString")) return false;
  let owner: object | null = value;
  do owner = Object.getPrototypeOf(owner);
  while (owner && !Object.prototype.hasOwnProperty.call(owner, "toString"));
  const ctor = owner && Object.getOwnPropertyDescriptor(owner, "constructor")?.value;
  return typeof ctor === "function" && BUILT_INS.has(ctor.name);
}

function stringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? "undefined";
  } catch {
    return "[Circular]";
  }
}
