import ts from "typescript";
import { typeModule, type TypeModule } from "./type-module.ts";
import { LessonError } from "./errors.ts";
import type { CodeBlock, Lesson } from "./parse.ts";
import type { BlockPlace } from "./program.ts";
import type { LessonCode, RunBlock } from "./run.ts";

// The lesson kit's type check, free of Node: TypeScript's compiler API over modules the caller
// hands in, on a host the caller hands in. Its two hosts: `pnpm typecheck` and the lessons' test
// run (typecheck.ts: the lessons built by type-module.ts, the disk), and the page's type-check
// worker (site/src/client/type-check-worker.ts: the blocks as edited, built by type-module.ts
// too, and the files the site ships).

/** A problem TypeScript found in a checked module, where it found it (0-based, in that module). */
export interface TypeProblem {
  module: string;
  line: number;
  column: number;
  /** How many characters it spans (at least 1). */
  length: number;
  /** TypeScript's code: 2322 for TS2322. */
  code: number;
  category: "error" | "warning" | "suggestion" | "message";
  message: string;
}

/** Type-checks `modules` (name → TypeScript source) against what `host` finds; returns their problems. */
export function typeProblems(
  modules: ReadonlyMap<string, string>,
  options: ts.CompilerOptions,
  host: ts.CompilerHost,
): TypeProblem[] {
  const { getSourceFile, fileExists, readFile } = host;
  const overlay: ts.CompilerHost = {
    ...host,
    fileExists: (name) => modules.has(name) || fileExists.call(host, name),
    readFile: (name) => modules.get(name) ?? readFile.call(host, name),
    getSourceFile: (name, version, ...rest) => {
      const code = modules.get(name);
      return code === undefined
        ? getSourceFile.call(host, name, version, ...rest)
        : ts.createSourceFile(name, code, version, true);
    },
  };
  const program = ts.createProgram([...modules.keys()], options, overlay);
  const found: TypeProblem[] = [];
  for (const name of modules.keys()) {
    const sf = program.getSourceFile(name)!;
    for (const d of [
      ...program.getSyntacticDiagnostics(sf),
      ...program.getSemanticDiagnostics(sf),
    ]) {
      const at = sf.getLineAndCharacterOfPosition(d.start ?? 0);
      found.push({
        module: name,
        line: at.line,
        column: at.character,
        length: Math.max(1, d.length ?? 1),
        code: d.code,
        category: ts.DiagnosticCategory[d.category].toLowerCase() as TypeProblem["category"],
        message: ts.flattenDiagnosticMessageText(d.messageText, "\n"),
      });
    }
  }
  return found;
}

/** What the page checks: a lesson's runnable blocks, as the reader edited them. */
export type CheckedBlocks = Pick<LessonCode, "file" | "package"> & {
  blocks: Pick<RunBlock, "kind" | "code">[];
};

/** A problem located in the blocks: which block, which line and column of its code (1-based). */
export type BlockTypeProblem = BlockPlace & Omit<TypeProblem, "module" | "line">;

/**
 * The problems of a lesson's blocks (as a reader edited them in the page), each at its block,
 * line and column: the blocks compiled as `pnpm typecheck` compiles a lesson (type-module.ts), from
 * a lesson made of them alone. What type-module.ts refuses (an import past the lesson's step, an
 * `export`) is a problem too, with code 0.
 */
export function blockTypeProblems(
  code: CheckedBlocks,
  name: string,
  options: ts.CompilerOptions,
  host: ts.CompilerHost,
): BlockTypeProblem[] {
  const { lesson, place } = blocksLesson(code);
  let compiled: TypeModule;
  try {
    compiled = typeModule(lesson, name);
  } catch (error) {
    if (!(error instanceof LessonError)) throw error;
    const at = place(error.line) ?? { block: 0, line: 1 };
    return [{ ...at, column: 1, length: 1, code: 0, category: "error", message: error.reason }];
  }
  return typeProblems(new Map([[name, compiled.code]]), options, host).flatMap(
    ({ module: _, line, column, ...problem }) => {
      const where = compiled.locate(line, column);
      const at = where && place(where.line);
      return at ? [{ ...problem, ...at, column: where.column }] : [];
    },
  );
}

/** A lesson of `code`'s blocks alone (each in its fence), and the block and line of its lines. */
function blocksLesson(code: CheckedBlocks): {
  lesson: Lesson;
  place(line: number): BlockPlace | undefined;
} {
  let source = "";
  let lines = 0; // in `source` so far
  const starts: number[] = []; // each block's first line of code, 1-based
  const blocks: CodeBlock[] = code.blocks.map((block, index) => {
    const text = block.code.endsWith("\n") ? block.code : `${block.code}\n`;
    source += "```ts\n";
    starts.push(lines + 2);
    const start = source.length;
    source += `${text}\`\`\`\n\n`;
    lines += 3 + text.split("\n").length - 1;
    return {
      kind: block.kind,
      line: starts[index]! - 1,
      code: text,
      start,
      end: start + text.length,
    };
  });
  const lesson: Lesson = {
    file: code.file,
    number: 0,
    slug: "",
    title: "",
    package: code.package,
    meta: {},
    source,
    blocks,
    includes: [],
  };
  return {
    lesson,
    place(line) {
      const block = starts.findLastIndex((start) => start <= line);
      return block < 0 ? undefined : { block, line: line - starts[block]! + 1 };
    },
  };
}

/** What a type check needs besides the code: the files it may read, as the site ships them. */
export interface TypeFiles {
  /** The name the blocks are checked as: its resolutions are the modules a lesson may import. */
  module: string;
  options: ts.CompilerOptions;
  /** Path (absolute, virtual: `/packages/…`, `/lib/lib.es5.d.ts`) → text. */
  files: Record<string, string>;
  /** Containing file → the specifiers it imports → the file each resolves to. */
  resolutions: Record<string, Record<string, string>>;
}

/** The folder of TypeScript's lib files in `TypeFiles`. */
export const LIB = "/lib";

/**
 * A compiler host over shipped files: no file system, module resolution from the table. It keeps
 * what it parsed (the lib files and the packages do not change between checks).
 */
export function shippedHost({ files, resolutions }: TypeFiles): ts.CompilerHost {
  const parsed = new Map<string, ts.SourceFile>();
  const read = (name: string) => (Object.hasOwn(files, name) ? files[name] : undefined);
  return {
    getSourceFile(name, version) {
      const text = read(name);
      if (text === undefined) return undefined;
      let sf = parsed.get(name);
      if (!sf) parsed.set(name, (sf = ts.createSourceFile(name, text, version, true)));
      return sf;
    },
    getDefaultLibFileName: () => `${LIB}/lib.d.ts`,
    getDefaultLibLocation: () => LIB,
    writeFile: () => undefined,
    getCurrentDirectory: () => "/",
    getCanonicalFileName: (name) => name,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => "\n",
    fileExists: (name) => read(name) !== undefined,
    readFile: read,
    resolveModuleNameLiterals: (literals, containing) =>
      literals.map((literal) => {
        const file = resolutions[containing]?.[literal.text];
        return {
          resolvedModule: file
            ? {
                resolvedFileName: file,
                extension: extensionOf(file),
                isExternalLibraryImport: file.includes("/node_modules/"),
              }
            : undefined,
        };
      }),
    resolveTypeReferenceDirectiveReferences: (references) =>
      references.map(() => ({ resolvedTypeReferenceDirective: undefined })),
  };
}

function extensionOf(file: string): ts.Extension {
  const known = [
    ts.Extension.Dts,
    ts.Extension.Dmts,
    ts.Extension.Dcts,
    ts.Extension.Ts,
    ts.Extension.Mts,
    ts.Extension.Cts,
    ts.Extension.Tsx,
    ts.Extension.Json,
    ts.Extension.Js,
    ts.Extension.Mjs,
  ];
  return known.find((extension) => file.endsWith(extension)) ?? ts.Extension.Ts;
}
