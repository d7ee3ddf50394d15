// Writes src/replay.ts, the tape's forward and backward loops, from the rows of autograd's ops.ts:
// one `case` per row, its forward or backward with `v[…]` for `.data` and `g[…]` for `.grad`,
// the same expression in the same order, so a tape replays the engine's bits. ops.ts stays the
// one table of derivatives; test/generated.test.ts fails when replay.ts is not what this writes.
//
//   pnpm --filter @gradbook/compile generate
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import ts from "typescript";

/** ops.ts, the table read. */
export const OPS_FILE = fileURLToPath(new URL("../../autograd/src/ops.ts", import.meta.url));
/** replay.ts, the file written. */
export const REPLAY_FILE = fileURLToPath(new URL("../src/replay.ts", import.meta.url));

/** Rows with no case, and why. */
const NOT_REPLAYED: Record<string, string> = {
  leaf: "made by `new Value`, not computed",
  unary: "its function is not in the graph, only its value and derivative at one point",
};

/** One row of ops.ts as the replay needs it. */
export interface Row {
  name: string;
  /** Its case in the forward loop, one line. */
  forward: string;
  /** Its case in the backward loop, one or more lines. */
  backward: string[];
  /** Whether it takes a number operand (its forward has a second parameter, and it is unary). */
  takesNumber: boolean;
}

/** What the cases call besides their operands: the math functions and ops.ts's own helpers. */
interface Calls {
  math: Set<string>;
  ops: Set<string>;
}

/** The rows of ops.ts (its text) that a tape replays, in the file's order: that order is the op codes'. */
export function readRows(
  source: string,
  calls: Calls = { math: new Set(), ops: new Set() },
): Row[] {
  const file = ts.createSourceFile("ops.ts", source, ts.ScriptTarget.Latest, true);
  const helpers = new Set<string>(); // ops.ts's own functions the rows call (tanhDerivative)
  for (const s of file.statements) {
    if (ts.isFunctionDeclaration(s) && s.name) helpers.add(s.name.text);
  }
  const rows: Row[] = [];
  for (const s of file.statements) {
    if (!ts.isVariableStatement(s)) continue;
    for (const d of s.declarationList.declarations) {
      const kind = d.type?.getText(file);
      if ((kind !== "UnaryOp" && kind !== "BinaryOp") || !ts.isIdentifier(d.name)) continue;
      const name = d.name.text;
      if (name in NOT_REPLAYED) continue;
      if (!d.initializer || !ts.isObjectLiteralExpression(d.initializer))
        fail(name, "expected an object literal");
      rows.push(readRow(name, kind === "BinaryOp", d.initializer, { file, helpers, calls }));
    }
  }
  return rows;
}

/** The text of replay.ts for ops.ts's text. */
export function generateReplay(source: string): string {
  const calls: Calls = { math: new Set(), ops: new Set() };
  return render(readRows(source, calls), calls);
}

function fail(row: string, what: string): never {
  throw new Error(`generate-replay: ops.ts's row ${row}: ${what}`);
}

interface Context {
  file: ts.SourceFile;
  helpers: ReadonlySet<string>;
  calls: Calls;
}

function readRow(
  name: string,
  binary: boolean,
  row: ts.ObjectLiteralExpression,
  context: Context,
): Row {
  const { file, helpers, calls } = context;
  const property = (key: string) => row.properties.find((p) => p.name?.getText(file) === key);
  const forward = property("forward");
  const backward = property("backward");
  if (!forward || !ts.isPropertyAssignment(forward) || !ts.isArrowFunction(forward.initializer)) {
    fail(name, "expected forward: (a, …) => expression");
  }
  const f = forward.initializer;
  if (ts.isBlock(f.body)) fail(name, "expected forward: (a, …) => expression, not a block");
  if (!backward || !ts.isMethodDeclaration(backward) || !backward.body) {
    fail(name, "expected a method backward(g, y, a, …) { … }");
  }
  const [first, second] = f.parameters.map((p) => p.name.getText(file));
  const [g, y, a, other] = backward.parameters.map((p) => p.name.getText(file));
  // What every case renames: math.exp is exp, a module constant; ops.ts's helpers keep their names.
  const common = (n: ts.Node): string | undefined => {
    if (
      ts.isPropertyAccessExpression(n) &&
      ts.isIdentifier(n.expression) &&
      n.expression.text === "math"
    ) {
      calls.math.add(n.name.text);
      return n.name.text;
    }
    if (ts.isIdentifier(n) && helpers.has(n.text)) calls.ops.add(n.text);
    return undefined;
  };
  // Forward: the first operand is x; the second, a Value's data or the number operand, v[b[i]].
  const y0 = translate(file, f.body, (n) => {
    if (ts.isIdentifier(n) && n.text === first) return "x";
    if (ts.isIdentifier(n) && n.text === second) return "v[b[i]!]!";
    return common(n);
  });
  // Backward: a.grad is g[ai], a.data v[ai]; a second Value likewise at bi; g is gy. A number
  // operand keeps its row's name, bound to its slot v[bi] at the top of the case.
  const slots = new Map([[a, "ai"]]);
  if (binary) slots.set(other, "bi");
  let number = false;
  const body = translate(file, backward.body, (n) => {
    if (
      ts.isPropertyAccessExpression(n) &&
      ts.isIdentifier(n.expression) &&
      slots.has(n.expression.text)
    ) {
      const slot = slots.get(n.expression.text);
      if (n.name.text === "grad") return `g[${slot}]!`;
      if (n.name.text === "data") return `v[${slot}]!`;
      fail(name, `backward reads ${n.getText(file)}; expected only .data and .grad of an operand`);
    }
    if (ts.isIdentifier(n) && slots.has(n.text)) {
      fail(name, `backward uses the operand ${n.text} other than by .data and .grad`);
    }
    if (ts.isIdentifier(n) && n.text === g) return "gy";
    if (ts.isIdentifier(n) && n.text === y) return "y";
    if (ts.isIdentifier(n) && !binary && n.text === other) number = true;
    return common(n);
  });
  const lines = body
    .slice(1, -1) // the braces
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "" && !/^\/\/ #(end)?region\b/.test(l));
  if (number) lines.unshift(`const ${other} = v[bi]!; // the number operand`);
  return {
    name,
    forward: oneCase(name, [`y = ${y0};`]).join("\n"),
    backward: oneCase(name, lines),
    takesNumber: !binary && second !== undefined,
  };
}

/** `node`'s text with each node that `rename` gives a text for replaced by that text. */
function translate(
  file: ts.SourceFile,
  node: ts.Node,
  rename: (n: ts.Node) => string | undefined,
): string {
  const edits: { start: number; end: number; text: string }[] = [];
  const visit = (n: ts.Node): void => {
    const text = rename(n);
    if (text !== undefined) edits.push({ start: n.getStart(file), end: n.getEnd(), text });
    else if (ts.isPropertyAccessExpression(n))
      visit(n.expression); // not the property's name
    else ts.forEachChild(n, visit);
  };
  visit(node);
  const start = node.getStart(file);
  let out = file.text.slice(start, node.getEnd());
  for (const e of edits.sort((p, q) => q.start - p.start)) {
    out = out.slice(0, e.start - start) + e.text + out.slice(e.end - start);
  }
  return out;
}

/** A row's op code constant: `mulK` → `MUL_K`. */
const opCode = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase();

/** A case of the switch: on one line when it is one statement (its comment after `break`). */
function oneCase(name: string, lines: string[]): string[] {
  const label = `case ${opCode(name)}:`;
  const one = lines.length === 1 ? /^(.*;)\s*(\/\/.*)?$/.exec(lines[0]!) : null;
  if (one) return [`${label} ${one[1]} break;${one[2] ? ` ${one[2]}` : ""}`];
  return [`${label} {`, ...lines.map((l) => `  ${l}`), "  break;", "}"];
}

function render(rows: Row[], calls: Calls): string {
  const indent = (lines: string[]) => lines.map((l) => `      ${l}`).join("\n");
  const names = (set: Set<string>) => [...set].sort().join(", ");
  const numbered = rows.filter((r) => r.takesNumber).map((r) => `ops.${r.name}`);
  return `// Generated from packages/autograd/src/ops.ts by packages/compile/scripts/generate-replay.ts:
// do not edit. Regenerate with \`pnpm --filter @gradbook/compile generate\`
// (test/generated.test.ts fails when this file is stale).
import { math, type Op, ops } from "@gradbook/autograd";
import { dot, dotBackward } from "./fused.ts";
import type { Tape } from "./tape.ts";

// Replaying a tape: the engine's forward and backward passes as two loops over typed arrays.
// Each case is its op's row of ops.ts with \`v[…]\` for \`.data\` and \`g[…]\` for \`.grad\`: the
// same expression in the same order, so the same bits (a property test holds every row to it).
// Not here:
${Object.entries(NOT_REPLAYED)
  .map(([name, why]) => `// - \`${name}\`: ${why}.`)
  .join("\n")}

/** The ops a tape can replay, indexed by op code. */
export const OPS: readonly Op[] = [
${rows.map((r) => `  ops.${r.name},`).join("\n")}
];

/**
 * The op code of the fused op \`a + w₀·x₀ + w₁·x₁ + …\`, added left to right: a neuron's
 * weighted sum, which the engine builds as a chain of products and sums (see fused.ts). Its
 * terms are pairs of slots in \`terms\`, from index \`b\`, \`c\` of them.
 */
export const DOT = OPS.length;

/** The ops whose second operand is a number, not a Value. */
export const NUMBER_OPERAND: ReadonlySet<Op> = new Set([
${[...numbered, "ops.unary"].map((op) => `  ${op},`).join("\n")}
]);

// The op codes, and the functions the cases call, as module-level constants, which bundlers and
// test runners that rewrite imports into property reads (vite's SSR transform does) cannot slow.
${rows.map((r, i) => `const ${opCode(r.name)} = ${i};`).join("\n")}
const { ${names(calls.math)} } = math;
${calls.ops.size ? `const { ${names(calls.ops)} } = ops;\n` : ""}
// #region forward
/** The forward pass: each instruction computes its slot of \`v\` from its operands' slots. */
export function forward(tape: Tape, v: Float64Array): void {
  const { code, out, a, b, c, terms } = tape;
  for (let i = 0; i < code.length; i++) {
    const x = v[a[i]!]!; // the first operand's data
    let y: number;
    switch (code[i]) {
      case DOT: y = dot(v, terms, x, b[i]!, b[i]! + 2 * c[i]!); break;
${indent(rows.map((r) => r.forward))}
      default: throw new RangeError(\`forward: unknown op code \${code[i]} at instruction \${i}\`);
    }
    v[out[i]!] = y;
  }
}
// #endregion forward

// #region backward
/**
 * The backward pass: zero every gradient, seed d loss/d loss = 1, then each instruction, last to
 * first, adds its gradient times the local derivative to its operands' gradients in \`g\`.
 */
export function backward(tape: Tape, v: Float64Array, g: Float64Array): void {
  const { code, out, a, b, c, terms, sends } = tape;
  g.fill(0); // as zeroGrad and the engine's backward do: every sum below starts at +0
  g[tape.root]! += 1;
  for (let i = code.length - 1; i >= 0; i--) {
    if (sends[i] === 0) continue; // no parameter below: the engine computes it, nobody reads it
    const s = out[i]!;
    const gy = g[s]!; // d loss / d this instruction's result, complete: every user came later
    const y = v[s]!;
    const ai = a[i]!;
    const bi = b[i]!;
    switch (code[i]) {
      case DOT: dotBackward(v, g, terms, gy, ai, bi, bi + 2 * c[i]!); break;
${indent(rows.flatMap((r) => r.backward))}
    }
  }
}
// #endregion backward
`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(REPLAY_FILE, generateReplay(readFileSync(OPS_FILE, "utf8")));
  console.log(`wrote ${REPLAY_FILE}`);
}
