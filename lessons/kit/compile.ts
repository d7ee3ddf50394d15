import MagicString from "magic-string";
import { dirname, relative } from "node:path";
import ts from "typescript";
import { LessonError } from "./errors.ts";
import { blockMeta, isRunnable, type BlockMeta } from "./block.ts";
import type { CodeBlock, Lesson } from "./parse.ts";
import { checkImport } from "./steps.ts";

// A lesson compiles to one TypeScript module that vitest runs and the type checker reads:
//
//   import { test } from "vitest"; import { lesson } from "./kit/runtime.ts";
//   import { Value } from "@gradbook/autograd";        ← every block's imports, hoisted
//   const __rt = lesson({ file, blocks });
//   const __steps = (async function* () {             ← one scope: a literate program
//     const { console, show } = __rt.scope;
//     …block 1…; yield;
//     await __rt.throws(1, async () => { …block 2… }); yield;
//   })();
//   test("line 12", (ctx) => __rt.step(__steps, 0, ctx));   ← one test per runnable block
//
// The module is built with magic-string over the markdown itself, so its source map points
// every generated line back at the lesson, and errors and type errors name the markdown line.

export interface CompiledLesson {
  code: string;
  map: ReturnType<MagicString["generateMap"]>;
  /** Maps a 0-based line and column of `code` to the lesson's 1-based line and column, if they came from it. */
  locate(line: number, column: number): { line: number; column: number } | undefined;
}

export interface CompileOptions {
  /** Absolute path of the lesson (for the runtime import and the source map). */
  path: string;
  /** Absolute path of the kit's runtime module. */
  runtime: string;
  /** A folder to record the run in when GRADBOOK_RECORD names none (the runtime's `finish`). */
  record?: string;
}

/** Compiles a parsed lesson to a test module (see the sketch above). */
export function compileLesson(lesson: Lesson, options: CompileOptions): CompiledLesson {
  const s = new MagicString(lesson.source);
  const blocks = lesson.blocks;
  // Phase 1: drop the prose, keep the code.
  let cursor = 0;
  for (const block of blocks) {
    if (block.start > cursor) s.remove(cursor, block.start);
    cursor = block.end;
  }
  if (lesson.source.length > cursor) s.remove(cursor, lesson.source.length);

  // Phase 2: hoist imports, check the step rule, wrap each block.
  const meta: BlockMeta[] = [];
  for (const block of blocks) {
    for (const [start, end] of scanImports(lesson, block))
      s.move(block.start + start, block.start + end, 0);
    if (!isRunnable(block)) {
      // Type-checked in the shared scope, never called.
      s.appendLeft(block.start, "(async () => {\n");
      s.prependRight(block.end, "});\n");
      continue;
    }
    const index = meta.length;
    meta.push(blockMeta(block));
    if (block.kind === "throws") {
      s.appendLeft(block.start, `await __rt.throws(${index}, async () => {\n`);
      s.prependRight(block.end, "});\n");
    }
    s.appendRight(block.end, "yield;\n");
  }

  const runtime = "./" + relative(dirname(options.path), options.runtime).replaceAll("\\", "/");
  s.prepend(
    `import { test as __test, afterAll as __afterAll } from "vitest";\nimport { lesson as __lesson } from ${JSON.stringify(runtime)};\n`,
  );
  const opening =
    `const __rt = __lesson(${JSON.stringify({ file: lesson.file, path: options.path, blocks: meta })});\n` +
    `const __steps = (async function* () {\n` +
    `const { console, show } = __rt.scope;\n`;
  if (blocks.length)
    s.prependLeft(blocks[0]!.start, opening); // before the first block's own wrapper
  else s.append(opening);
  s.append("})();\n");
  meta.forEach((block, i) => {
    const name = `line ${block.line}${block.kind === "throws" ? " (throws)" : ""}`;
    s.append(`__test(${JSON.stringify(name)}, (ctx) => __rt.step(__steps, ${i}, ctx));\n`);
  });
  s.append(`__afterAll(() => __rt.finish(${JSON.stringify(options.record ?? "")}));\n`);

  const decoded = s.generateDecodedMap({ hires: true, source: options.path, includeContent: true });
  return {
    code: s.toString(),
    map: s.generateMap({ hires: true, source: options.path, includeContent: true }),
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
      throw new LessonError(
        lesson.file,
        lineOf(statement),
        "a lesson block cannot export: its bindings are shared with the later blocks already",
      );
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
