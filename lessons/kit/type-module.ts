import MagicString from "magic-string";
import ts from "typescript";
import { LessonError } from "./errors.ts";
import { NO_EXPORT } from "./block.ts";
import type { CodeBlock, Lesson } from "./parse.ts";
import { checkImport } from "./steps.ts";

// What the type checker reads of a lesson (typecheck.ts): its blocks as one TypeScript module,
// laid out as the lesson core runs them (program.ts: one scope, top-level await, the runtime's
// `console` and `show`), each block's imports hoisted to the top, a ```ts throws or ```ts no-run
// block in a function of its own (its names stay its own; no-run is checked, never called):
//
//   import { Value } from "@gradbook/autograd";        ← every block's imports, hoisted
//   declare const console: …, show: …;
//   (async () => {
//     …block 1…
//     (async () => { …a throws block… });
//   })();
//
// The module is built with magic-string over the markdown itself, so every line of it maps back
// to the lesson, and type errors name the markdown line.

export interface TypeModule {
  code: string;
  /** Maps a 0-based line and column of `code` to the lesson's 1-based line and column, if they came from it. */
  locate(line: number, column: number): { line: number; column: number } | undefined;
}

/** The bindings every block sees besides its own (run.ts's LessonScope), in a module (`export {}`). */
const SCOPE =
  "export {};\n" +
  'declare const console: import("@gradbook/lessons/kit").LessonScope["console"];\n' +
  'declare const show: import("@gradbook/lessons/kit").LessonScope["show"];\n';

/** Compiles a parsed lesson (at `path`, absolute) to the module the type checker reads (see above). */
export function typeModule(lesson: Lesson, path: string): TypeModule {
  const s = new MagicString(lesson.source);
  const blocks = lesson.blocks;
  // Phase 1: drop the prose, keep the code.
  let cursor = 0;
  for (const block of blocks) {
    if (block.start > cursor) s.remove(cursor, block.start);
    cursor = block.end;
  }
  if (lesson.source.length > cursor) s.remove(cursor, lesson.source.length);

  // Phase 2: hoist imports, check the step rule, give throws and no-run blocks their own scope.
  for (const block of blocks) {
    for (const [start, end] of scanImports(lesson, block))
      s.move(block.start + start, block.start + end, 0);
    if (block.kind === "run") continue;
    s.appendLeft(block.start, "(async () => {\n");
    s.prependRight(block.end, "});\n");
  }
  const opening = `${SCOPE}(async () => {\n`;
  if (blocks.length)
    s.prependLeft(blocks[0]!.start, opening); // before the first block's own wrapper
  else s.append(opening);
  s.append("})();\n");

  const decoded = s.generateDecodedMap({ hires: true, source: path });
  return {
    code: s.toString(),
    locate(line, column) {
      const segments = decoded.mappings[line] ?? [];
      const segment =
        segments.findLast((s) => s[0] <= column && s.length >= 4) ??
        segments.find((s) => s.length >= 4);
      return segment
        ? { line: segment[2]! + 1, column: segment[3]! + 1 + Math.max(0, column - segment[0]) }
        : undefined;
    },
  };
}

/**
 * Finds a block's top-level imports (to hoist them) and checks every module it imports,
 * static or dynamic, against the step rule. Returns the imports' offsets within the block.
 */
function scanImports(lesson: Lesson, block: CodeBlock): [number, number][] {
  const sf = ts.createSourceFile("block.ts", block.code, ts.ScriptTarget.Latest, true);
  const lineOf = (node: ts.Node) =>
    block.line + 1 + sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
  const check = (node: ts.Node, specifier: string) =>
    checkImport(lesson.file, lineOf(node), lesson.package, specifier);
  const hoisted: [number, number][] = [];
  for (const statement of sf.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      check(statement, statement.moduleSpecifier.text);
      const end = block.code[statement.end] === "\n" ? statement.end + 1 : statement.end;
      hoisted.push([statement.getStart(sf), end]);
    } else if (
      ts.isExportDeclaration(statement) ||
      ts.isExportAssignment(statement) ||
      hasExportModifier(statement)
    ) {
      throw new LessonError(lesson.file, lineOf(statement), NO_EXPORT);
    }
  }
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      if (arg && ts.isStringLiteralLike(arg)) check(node, arg.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return hoisted;
}

function hasExportModifier(statement: ts.Statement): boolean {
  return (
    ts.canHaveModifiers(statement) &&
    (ts.getModifiers(statement) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
  );
}
