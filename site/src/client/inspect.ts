// Node's `util.inspect` for the values lessons print: primitives, arrays, plain and class
// objects, Map, Set, functions, errors, custom inspect methods, depth and circular references.
// A port of the parts of Node's lib/internal/util/inspect.js that lessons reach.

import { reduceToSingleString, type Context } from "./layout.ts";

const CUSTOM = Symbol.for("nodejs.util.inspect.custom");
const DEPTH = 2;
const MAX_ARRAY_LENGTH = 100;
const MIN_LINE_LENGTH = 16;
const BREAK_LENGTH = 80;
const KEY = /^[a-zA-Z_][a-zA-Z_0-9]*$/;

/** Formats one value like Node's `util.inspect` with its default options. */
export function inspect(value: unknown, depth = DEPTH): string {
  return formatValue(
    { seen: [], indentationLvl: 0, currentDepth: 0, depth, circular: new Map() },
    value,
    0,
  );
}

/** A number as Node prints it (`-0` keeps its sign). */
export function formatNumber(n: number): string {
  return Object.is(n, -0) ? "-0" : `${n}`;
}

function formatPrimitive(ctx: Context, value: unknown): string {
  if (typeof value === "string") {
    if (value.length > MIN_LINE_LENGTH && value.length > BREAK_LENGTH - ctx.indentationLvl - 4) {
      return value
        .split(/(?<=\n)/)
        .map(quote)
        .join(` +\n${" ".repeat(ctx.indentationLvl + 2)}`);
    }
    return quote(value);
  }
  if (typeof value === "number") return formatNumber(value);
  if (typeof value === "bigint") return `${value}n`;
  return String(value); // boolean, undefined, symbol
}

/** Quotes a string the way Node picks its quotes: ' unless the text holds one. */
function quote(text: string): string {
  let mark = "'";
  if (text.includes("'"))
    mark = !text.includes('"') ? '"' : !text.includes("`") && !text.includes("${") ? "`" : "'";
  const escaped = text.replace(/[\x00-\x1f\x7f-\x9f\\']/g, (c) => {
    if (c === "'") return mark === "'" ? "\\'" : c;
    const special: Record<string, string> = {
      "\b": "\\b",
      "\t": "\\t",
      "\n": "\\n",
      "\f": "\\f",
      "\r": "\\r",
      "\\": "\\\\",
    };
    return special[c] ?? `\\x${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`;
  });
  return mark + escaped + mark;
}

function formatValue(ctx: Context, value: unknown, recurseTimes: number): string {
  if ((typeof value !== "object" && typeof value !== "function") || value === null) {
    return value === null ? "null" : formatPrimitive(ctx, value);
  }
  const object = value as Record<PropertyKey, unknown>;
  const custom = object[CUSTOM];
  if (
    typeof custom === "function" &&
    !(object.constructor && (object.constructor as { prototype?: unknown }).prototype === object)
  ) {
    const result: unknown = custom.call(object, ctx.depth - recurseTimes, {}, inspect);
    if (result !== object) {
      if (typeof result !== "string") return formatValue(ctx, result, recurseTimes);
      return result.replaceAll("\n", `\n${" ".repeat(ctx.indentationLvl)}`);
    }
  }
  if (ctx.seen.includes(value)) {
    if (!ctx.circular.has(value)) ctx.circular.set(value, ctx.circular.size + 1);
    return `[Circular *${ctx.circular.get(value)}]`;
  }
  return formatRaw(ctx, object, recurseTimes);
}

/** The constructor name Node shows: the nearest prototype with an own, named `constructor`. */
function constructorName(value: object): string | null {
  for (let proto: object | null = value; proto; proto = Object.getPrototypeOf(proto)) {
    const descriptor = Object.getOwnPropertyDescriptor(proto, "constructor");
    if (
      typeof descriptor?.value === "function" &&
      descriptor.value.name !== "" &&
      value instanceof descriptor.value
    )
      return descriptor.value.name;
  }
  return null;
}

function formatRaw(
  ctx: Context,
  value: Record<PropertyKey, unknown>,
  recurseTimes: number,
): string {
  const constructor = constructorName(value);
  const prefixed = (fallback: string, size = "") =>
    constructor === null ? `[${fallback}${size}: null prototype] ` : `${constructor}${size} `;
  let keys: PropertyKey[] = [
    ...Object.keys(value),
    ...Object.getOwnPropertySymbols(value).filter((s) =>
      Object.prototype.propertyIsEnumerable.call(value, s),
    ),
  ];
  let braces = ["{", "}"];
  let base = "";
  let isArray = false;
  let formatter: (recurse: number) => string[] = () => [];

  if (Array.isArray(value)) {
    keys = keys.filter((k) => typeof k !== "string" || !/^(0|[1-9]\d*)$/.test(k));
    braces = [`${constructor !== "Array" ? prefixed("Array", `(${value.length})`) : ""}[`, "]"];
    if (value.length === 0 && keys.length === 0) return `${braces[0]}]`;
    isArray = true;
    formatter = (recurse) => formatArray(ctx, value, recurse);
  } else if (value instanceof Set || value instanceof Map) {
    const kind = value instanceof Set ? "Set" : "Map";
    const prefix = prefixed(kind, `(${value.size})`);
    if (value.size === 0 && keys.length === 0) return `${prefix}{}`;
    braces = [`${prefix}{`, "}"];
    formatter = (recurse) => formatCollection(ctx, value, recurse);
  } else if (typeof value === "function") {
    base = functionBase(value as unknown as (...args: unknown[]) => unknown);
    if (keys.length === 0) return base;
  } else if (value instanceof RegExp || value instanceof Date) {
    base =
      value instanceof Date
        ? Number.isNaN(value.getTime())
          ? String(value)
          : value.toISOString()
        : String(value);
    if (keys.length === 0) return base;
  } else if (value instanceof Error) {
    base = value.stack?.startsWith(`${value.name}: ${value.message}`)
      ? value.stack
          .split("\n")
          .filter((l) => !/^\s+at /.test(l))
          .join("\n")
      : `${value.name}: ${value.message}`;
    keys = keys.filter((k) => k !== "stack" && k !== "message");
    if (keys.length === 0) return `[${base}]`;
  } else if (constructor === "Object") {
    if (keys.length === 0) return "{}";
  } else {
    if (keys.length === 0) return `${prefixed("Object")}{}`;
    braces[0] = `${prefixed("Object")}{`;
  }

  if (recurseTimes > ctx.depth)
    return constructor === null ? prefixed("Object").slice(0, -1) : `[${constructor}]`;
  recurseTimes += 1;
  ctx.seen.push(value);
  ctx.currentDepth = recurseTimes;
  const output = formatter(recurseTimes);
  for (const key of keys) output.push(formatProperty(ctx, value, recurseTimes, key, false));
  ctx.seen.pop();
  const ref = ctx.circular.get(value);
  if (ref !== undefined) base = base === "" ? `<ref *${ref}>` : `<ref *${ref}> ${base}`;
  return reduceToSingleString(
    ctx,
    output,
    base,
    braces,
    isArray,
    recurseTimes,
    isArray ? (value as unknown as unknown[]) : undefined,
  );
}

function functionBase(fn: (...args: unknown[]) => unknown): string {
  const source = Function.prototype.toString.call(fn);
  if (source.startsWith("class") && source.endsWith("}")) {
    const superName = (Object.getPrototypeOf(fn) as { name?: string }).name;
    return `[class ${fn.name || "(anonymous)"}${superName ? ` extends ${superName}` : ""}]`;
  }
  const kind =
    fn.constructor?.name === "AsyncFunction"
      ? "AsyncFunction"
      : fn.constructor?.name === "GeneratorFunction"
        ? "GeneratorFunction"
        : "Function";
  return `[${kind}${fn.name ? `: ${fn.name}` : " (anonymous)"}]`;
}

function formatArray(ctx: Context, value: unknown[], recurseTimes: number): string[] {
  const length = Math.min(MAX_ARRAY_LENGTH, value.length);
  const output: string[] = [];
  for (let i = 0; i < length; i++) {
    if (!Object.prototype.hasOwnProperty.call(value, i)) {
      let holes = 1;
      while (i + holes < length && !Object.prototype.hasOwnProperty.call(value, i + holes)) holes++;
      output.push(`<${holes} empty item${holes > 1 ? "s" : ""}>`);
      i += holes - 1;
      continue;
    }
    output.push(
      formatProperty(ctx, value as unknown as Record<PropertyKey, unknown>, recurseTimes, i, true),
    );
  }
  const remaining = value.length - length;
  if (remaining > 0) output.push(`... ${remaining} more item${remaining > 1 ? "s" : ""}`);
  return output;
}

function formatCollection(
  ctx: Context,
  value: Set<unknown> | Map<unknown, unknown>,
  recurseTimes: number,
): string[] {
  const output: string[] = [];
  ctx.indentationLvl += 2;
  for (const entry of value instanceof Set ? [...value].map((v) => [v] as const) : [...value]) {
    if (output.length >= MAX_ARRAY_LENGTH) break;
    output.push(
      entry.length === 1
        ? formatValue(ctx, entry[0], recurseTimes)
        : `${formatValue(ctx, entry[0], recurseTimes)} => ${formatValue(ctx, entry[1], recurseTimes)}`,
    );
  }
  const remaining = value.size - output.length;
  if (remaining > 0) output.push(`... ${remaining} more item${remaining > 1 ? "s" : ""}`);
  ctx.indentationLvl -= 2;
  return output;
}

function formatProperty(
  ctx: Context,
  value: Record<PropertyKey, unknown>,
  recurseTimes: number,
  key: PropertyKey,
  inArray: boolean,
): string {
  const desc = Object.getOwnPropertyDescriptor(value, key) ?? {
    value: value[key],
    enumerable: true,
  };
  let str: string;
  if (desc.value !== undefined) {
    ctx.indentationLvl += 2;
    str = formatValue(ctx, desc.value, recurseTimes);
    ctx.indentationLvl -= 2;
  } else if (desc.get !== undefined) {
    str = desc.set !== undefined ? "[Getter/Setter]" : "[Getter]";
  } else {
    str = desc.set !== undefined ? "[Setter]" : "undefined";
  }
  if (inArray) return str;
  const name =
    typeof key === "symbol"
      ? `[${key.toString()}]`
      : KEY.test(String(key))
        ? String(key)
        : quote(String(key));
  return `${name}: ${str}`;
}
