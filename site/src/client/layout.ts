// How Node lays out an inspected object's entries: on one line when they fit, one per line
// otherwise, and long arrays in aligned columns. A port of reduceToSingleString and
// groupArrayElements from Node's lib/internal/util/inspect.js.

const BREAK_LENGTH = 80;
const COMPACT = 3;
const MAX_ARRAY_LENGTH = 100;

/** The state of one inspection. */
export interface Context {
  seen: unknown[];
  indentationLvl: number;
  currentDepth: number;
  depth: number;
  /** Objects met again while inside themselves, numbered as Node numbers them (`<ref *1>`). */
  circular: Map<unknown, number>;
}

/** Joins the formatted entries of an object or array, breaking lines as Node does. */
export function reduceToSingleString(
  ctx: Context,
  output: string[],
  base: string,
  braces: string[],
  isArray: boolean,
  recurseTimes: number,
  value?: unknown[],
): string {
  const entries = output.length;
  if (isArray && entries > 6) output = groupArrayElements(ctx, output, value);
  // Entries of the innermost COMPACT levels share a line when they fit in BREAK_LENGTH.
  if (ctx.currentDepth - recurseTimes < COMPACT && entries === output.length) {
    const start = output.length + ctx.indentationLvl + braces[0]!.length + base.length + 10;
    if (isBelowBreakLength(output, start, base)) {
      const joined = output.join(", ");
      if (!joined.includes("\n"))
        return `${base ? `${base} ` : ""}${braces[0]} ${joined} ${braces[1]}`;
    }
  }
  const indentation = `\n${" ".repeat(ctx.indentationLvl)}`;
  return `${base ? `${base} ` : ""}${braces[0]}${indentation}  ${output.join(`,${indentation}  `)}${indentation}${braces[1]}`;
}

function isBelowBreakLength(output: string[], start: number, base: string): boolean {
  let total = output.length + start;
  if (total + output.length > BREAK_LENGTH) return false;
  for (const entry of output) {
    total += entry.length;
    if (total > BREAK_LENGTH) return false;
  }
  return base === "" || !base.includes("\n");
}

/** Lays a long array out in aligned columns, as Node does for arrays of more than six entries. */
function groupArrayElements(ctx: Context, output: string[], value?: unknown[]): string[] {
  let totalLength = 0;
  let maxLength = 0;
  const outputLength = output.length - (value && value.length > MAX_ARRAY_LENGTH ? 1 : 0);
  const separatorSpace = 2;
  const dataLen = output.slice(0, outputLength).map((entry) => entry.length);
  for (const len of dataLen) {
    totalLength += len + separatorSpace;
    maxLength = Math.max(maxLength, len);
  }
  const actualMax = maxLength + separatorSpace;
  if (
    !(
      actualMax * 3 + ctx.indentationLvl < BREAK_LENGTH &&
      (totalLength / actualMax > 5 || maxLength <= 6)
    )
  )
    return output;
  const averageBias = Math.sqrt(actualMax - totalLength / output.length);
  const biasedMax = Math.max(actualMax - 3 - averageBias, 1);
  const columns = Math.min(
    Math.round(Math.sqrt(2.5 * biasedMax * outputLength) / biasedMax),
    Math.floor((BREAK_LENGTH - ctx.indentationLvl) / actualMax),
    COMPACT * 4,
    15,
  );
  if (columns <= 1) return output;
  const maxLineLength: number[] = [];
  for (let i = 0; i < columns; i++) {
    let lineLength = 0;
    for (let j = i; j < output.length; j += columns)
      lineLength = Math.max(lineLength, dataLen[j] ?? 0);
    maxLineLength.push(lineLength + separatorSpace);
  }
  const numeric =
    value !== undefined &&
    output.every((_, i) => typeof value[i] === "number" || typeof value[i] === "bigint");
  const grouped: string[] = [];
  for (let i = 0; i < outputLength; i += columns) {
    const max = Math.min(i + columns, outputLength);
    let line = "";
    let j = i;
    for (; j < max - 1; j++)
      line += numeric
        ? `${output[j]}, `.padStart(maxLineLength[j - i]!)
        : `${output[j]}, `.padEnd(maxLineLength[j - i]!);
    line += numeric ? output[j]!.padStart(maxLineLength[j - i]! - separatorSpace) : output[j];
    grouped.push(line);
  }
  if (outputLength < output.length) grouped.push(output[outputLength]!);
  return grouped;
}
