import { transform } from "sucrase";
import { NO_EXPORT, type BlockMeta } from "./block.ts";

// The lesson core's compiler: a lesson's runnable blocks (as the lesson has them, or as a reader
// edited them in the page) to one program (sucrase: TypeScript to JavaScript, imports to
// `require`, every line where it was). No Node, no DOM: the page's worker bundles it.
//
//   await __rt.enter(0);                                      ← block 1 starts
//   var _autograd = require('@gradbook/autograd');            ← was: import { Value } from …
//   const a = new (0, _autograd.Value)(2);
//   await __rt.enter(1); await __rt.throws(1, async () => {   ← a ```ts throws block
//   …
//   });
//
// One scope for every block, in the test run and the page alike; the runtime (run.ts) runs it and
// learns from `enter` which block is running.

/** A place in the blocks: which block (0-based), and which line of its code (1-based). */
export interface BlockPlace {
  block: number;
  line: number;
}

/** The blocks as one program. */
export interface Program {
  /** The body of an async function of (__rt, require, console, show). */
  code: string;
  /** The modules it requires, each with the line of `code` that first requires it. */
  requires: { specifier: string; line: number }[];
  /** Where a line of `code` (1-based) came from; undefined for the lines the compiler added. */
  origin(line: number): BlockPlace | undefined;
}

/** Code that does not compile, at its place in a block. */
export class CompileError extends Error {
  override name = "SyntaxError";
  constructor(
    readonly place: BlockPlace,
    message: string,
  ) {
    super(message);
  }
}

/** A block as the compiler needs it. */
export type ProgramBlock = Pick<BlockMeta, "kind"> & { code: string };

/** Compiles `blocks` (TypeScript) to one program; throws a CompileError where the code does not parse. */
export function compileProgram(blocks: readonly ProgramBlock[]): Program {
  // Each block parses on its own first: joined, an unclosed `{` in one block would swallow the
  // blocks after it, and the parser would give up in the last of them.
  blocks.forEach((block, index) => {
    try {
      transform(block.code, { transforms: ["typescript"], disableESTransforms: true });
    } catch (error) {
      const { message, loc } = error as Error & { loc?: { line: number } };
      // A parser that ran out of code (an unclosed brace) stops past the last line that has any.
      const lines = block.code.split("\n");
      let last = lines.length;
      while (last > 1 && !lines[last - 1]!.trim()) last--;
      throw new CompileError(
        { block: index, line: Math.min(loc?.line ?? 1, last) },
        message.replace(/\s*\(\d+:\d+\)$/, ""),
      );
    }
  });
  const lines: string[] = [];
  const origins: (BlockPlace | undefined)[] = [];
  blocks.forEach((block, index) => {
    const enter = `await __rt.enter(${index});`;
    lines.push(
      block.kind === "throws" ? `${enter} await __rt.throws(${index}, async () => {` : enter,
    );
    origins.push(undefined);
    block.code
      .replace(/\n$/, "")
      .split("\n")
      .forEach((line, i) => {
        lines.push(line);
        origins.push({ block: index, line: i + 1 });
      });
    if (block.kind === "throws") lines.push("});"), origins.push(undefined);
  });
  const origin = (line: number) => origins[line - 1];
  let code: string;
  try {
    code = transform(lines.join("\n"), {
      transforms: ["typescript", "imports"],
      keepUnusedImports: true,
      disableESTransforms: true,
      production: true,
    }).code;
  } catch (error) {
    const { message, loc } = error as Error & { loc?: { line: number } };
    // The place the parser gave up at, or the last line of code before it (a missing `}` shows at the end).
    const at = loc ? origins.slice(0, loc.line).findLast((o) => o !== undefined) : undefined;
    throw new CompileError(
      at ?? { block: blocks.length - 1, line: 1 },
      message.replace(/\s*\(\d+:\d+\)$/, ""),
    );
  }
  if (code.slice(0, 100).includes(EXPORTS)) throw exportError(blocks);
  const requires = new Map<string, number>();
  for (const match of code.matchAll(/\brequire\((['"])([^'"]+)\1\)/g)) {
    if (!requires.has(match[2]!)) requires.set(match[2]!, lineAt(code, match.index));
  }
  return {
    code,
    requires: [...requires].map(([specifier, line]) => ({ specifier, line })),
    origin,
  };
}

/** What sucrase puts first in a module that exports. */
const EXPORTS = 'Object.defineProperty(exports, "__esModule", {value: true});';

function exportError(blocks: readonly ProgramBlock[]): CompileError {
  for (const [index, block] of blocks.entries()) {
    const { code } = transform(block.code, { transforms: ["typescript", "imports"] });
    if (!code.includes(EXPORTS)) continue;
    // Lines stay where they were; `export * from` calls a helper sucrase defines on line 1.
    const line = code
      .replace(EXPORTS, "")
      .split("\n")
      .findIndex((l) => /\bexports\.(?!hasOwnProperty)|_createStarExport\(_/.test(l));
    return new CompileError({ block: index, line: Math.max(1, line + 1) }, NO_EXPORT);
  }
  return new CompileError({ block: 0, line: 1 }, NO_EXPORT);
}

/** The 1-based line of `code` at `offset`. */
function lineAt(code: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (code.charCodeAt(i) === 10) line++;
  return line;
}
