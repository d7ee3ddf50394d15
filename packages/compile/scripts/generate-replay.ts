// Writes src/replay.ts, the tape's forward and backward loops, from the rows of autograd's ops.ts:
// one `case` per row, its forward or backward with `v[…]` for `.data` and `g[…]` for `.grad`, the
// same expression in the same order, so a tape replays the engine's bits. ops.ts stays the one
// table of derivatives; test/generated.test.ts fails when replay.ts is not what this writes.
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

interface Row {
  name: string;
  /** The forward's expression, translated. */
  forward: string;
  /** The backward's lines, translated. */
  backward: string[];
  /** Whether the row takes a number operand (its forward has a second parameter). */
  takesNumber: boolean;
}

/** The text of replay.ts for the rows in `source` (ops.ts's text). */
export function generateReplay(source: string): string {
  const file = ts.createSourceFile("ops.ts", source, ts.ScriptTarget.Latest, true);
  const helpers = new Set<string>(); // ops.ts's own functions the rows call (tanhDerivative)
  for (const s of file.statements) if (ts.isFunctionDeclaration(s) && s.name) helpers.add(s.name.text);
  const used = { math: new Set<string>(), ops: new Set<string>() };
  const rows: Row[] = [];
  for (const s of file.statements) {
    if (!ts.isVariableStatement(s)) continue;
    for (const d of s.declarationList.declarations) {
      const kind = d.type?.getText(file);
      if ((kind !== "UnaryOp" && kind !== "BinaryOp") || !ts.isIdentifier(d.name)) continue;
      if (d.name.text in NOT_REPLAYED) continue;
      if (!d.initializer || !ts.isObjectLiteralExpression(d.initializer)) fail(d.name.text, "expected an object literal");
      rows.push(readRow(file, d.name.text, kind === "BinaryOp", d.initializer, helpers, used));
    }
  }
  return render(rows, used);
}

function fail(row: string, what: string): never {
  throw new Error(`generate-replay: ops.ts's row ${row}: ${what}`);
}

function readRow(file: ts.SourceFile, name: string, binary: boolean, row: ts.ObjectLiteralExpression, helpers: ReadonlySet<string>, used: { math: Set<string>; ops: Set<string> }): Row {
  const forward = row.properties.find((p) => p.name?.getText(file) === "forward");
  const backward = row.properties.find((p) => p.name?.getText(file) === "backward");
  if (!forward || !ts.isPropertyAssignment(forward) || !ts.isArrowFunction(forward.initializer) || ts.isBlock(forward.initializer.body)) {
    fail(name, "expected forward: (a, …) => expression");
  }
  if (!backward || !ts.isMethodDeclaration(backward) || !backward.body) fail(name, "expected a method backward(g, y, a, …) { … }");
  const f = forward.initializer;
  const fp = f.parameters.map((p) => p.name.getText(file));
  const bp = backward.parameters.map((p) => p.name.getText(file));
  const [g, y, a, second] = bp;
  const common = (n: ts.Node): string | undefined => {
    if (ts.isPropertyAccessExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === "math") {
      used.math.add(n.name.text);
      return n.name.text;
    }
    if (ts.isIdentifier(n) && helpers.has(n.text)) used.ops.add(n.text);
    return undefined;
  };
  // forward: the first operand is x, the second (a Value's data or the number operand) v[b[i]]
  const fwd = translate(file, f.body, (n) => {
    if (ts.isIdentifier(n) && n.text === fp[0]) return "x";
    if (ts.isIdentifier(n) && n.text === fp[1]) return "v[b[i]!]!";
    return common(n);
  });
  // backward: a.grad is g[ai], a.data v[ai]; b likewise at bi; a number operand is v[bi]
  const slots: Record<string, string> = { [a ?? ""]: "ai" };
  if (binary && second) slots[second] = "bi";
  let number = false;
  const lines = translate(file, backward.body, (n) => {
    if (ts.isPropertyAccessExpression(n) && ts.isIdentifier(n.expression) && n.expression.text in slots) {
      const at = slots[n.expression.text]!;
      if (n.name.text === "grad") return `g[${at}]!`;
      if (n.name.text === "data") return `v[${at}]!`;
      fail(name, `backward reads ${n.getText(file)}; expected only .data and .grad of an operand`);
    }
    if (ts.isIdentifier(n) && n.text in slots) fail(name, `backward uses the operand ${n.text} other than by .data and .grad`);
    if (ts.isIdentifier(n) && n.text === g) return "gy";
    if (ts.isIdentifier(n) && n.text === y) return "y";
    if (ts.isIdentifier(n) && !binary && n.text === second) {
      number = true;
      return undefined; // bound to v[bi] by the case (see render)
    }
    return common(n);
  });
  const body = lines
    .slice(1, -1) // the braces
    .split("\n")
    .filter((l) => l.trim() !== "" && !/^\s*\/\/ #(end)?region\b/.test(l))
    .map((l) => l.trim());
  if (number && second) body.unshift(`const ${second} = v[bi]!; // the number operand`);
  return { name, forward: fwd, backward: body, takesNumber: !binary && fp.length === 2 };
}

/** `node`'s text with every node `rename` gives a text for replaced by it. */
function translate(file: ts.SourceFile, node: ts.Node, rename: (n: ts.Node) => string | undefined): string {
  const edits: { start: number; end: number; text: string }[] = [];
  const visit = (n: ts.Node): void => {
    const text = rename(n);
    if (text !== undefined) edits.push({ start: n.getStart(file), end: n.getEnd(), text });
    else if (ts.isPropertyAccessExpression(n)) visit(n.expression); // not the property's name
    else ts.forEachChild(n, visit);
  };
  visit(node);
  const start = node.getStart(file);
  let out = file.text.slice(start, node.getEnd());
  for (const e of edits.sort((p, q) => q.start - p.start)) out = out.slice(0, e.start - start) + e.text + out.slice(e.end - start);
  return out;
}

const code = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase();

function render(rows: Row[], used: { math: Set<string>; ops: Set<string> }): string {
  const cases = (indent: string, row: Row, lines: string[]) => {
    const one = lines.length === 1 ? /^(.*;)\s*(\/\/.*)?$/.exec(lines[0]!) : null; // the statement, its comment
    if (one) return [`${indent}case ${code(row.name)}: ${one[1]} break;${one[2] ? ` ${one[2]}` : ""}`];
    return [`${indent}case ${code(row.name)}: {`, ...lines.map((l) => `${indent}  ${l}`), `${indent}  break;`, `${indent}}`];
  };
  const forwardCases = rows.flatMap((r) => cases("      ", r, [`y = ${r.forward};`]));
  const backwardCases = rows.flatMap((r) => cases("      ", r, r.backward));
  const list = (names: Iterable<string>) => [...names].sort().join(", ");
  return `// Generated from packages/autograd/src/ops.ts by packages/compile/scripts/generate-replay.ts: do not edit.
// Regenerate with \`pnpm --filter @gradbook/compile generate\`; test/generated.test.ts fails when this file is stale.
import { math, type Op, ops } from "@gradbook/autograd";
import { dot, dotBackward } from "./fused.ts";
import type { Tape } from "./tape.ts";

// Replaying a tape: the engine's forward and backward passes as two loops over typed arrays.
// Each case is its op's row of ops.ts with \`v[…]\` for \`.data\` and \`g[…]\` for \`.grad\`: the same
// expression in the same order, so the same bits (a property test holds every row to it).
// Not here:
${Object.entries(NOT_REPLAYED).map(([name, why]) => `// - \`${name}\`: ${why}.`).join("\n")}

/** The ops a tape can replay, indexed by op code. */
export const OPS: readonly Op[] = [
${rows.map((r) => `  ops.${r.name},`).join("\n")}
];

/**
 * The op code of the fused op \`a + w₀·x₀ + w₁·x₁ + …\`, added left to right: a neuron's weighted
 * sum, which the engine builds as a chain of products and sums (see fused.ts). Its terms are
 * pairs of slots in \`terms\`, from index \`b\`, \`c\` of them.
 */
export const DOT = OPS.length;

/** The ops whose second operand is a number, not a Value. */
export const NUMBER_OPERAND: ReadonlySet<Op> = new Set([${rows.filter((r) => r.takesNumber).map((r) => `ops.${r.name}`).join(", ")}, ops.unary]);

// The op codes, and the functions the cases call, as module-level constants, which bundlers and
// test runners that rewrite imports into property reads (vite's SSR transform does) cannot slow down.
${rows.map((r, i) => `const ${code(r.name)} = ${i};`).join("\n")}
const { ${list(used.math)} } = math;
${used.ops.size ? `const { ${list(used.ops)} } = ops;\n` : ""}
// #region forward
/** The forward pass: each instruction computes its slot of \`v\` from its operands' slots. */
export function forward(tape: Tape, v: Float64Array): void {
  const { code, out, a, b, c, terms } = tape;
  for (let i = 0; i < code.length; i++) {
    const x = v[a[i]!]!; // the first operand's data
    let y: number;
    switch (code[i]) {
      case DOT: y = dot(v, terms, x, b[i]!, b[i]! + 2 * c[i]!); break;
${forwardCases.join("\n")}
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
${backwardCases.join("\n")}
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
