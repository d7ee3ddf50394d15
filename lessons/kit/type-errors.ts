import ts from "typescript";
import type { BlockPlace } from "./program.ts";

// The lesson kit's type check, free of Node: TypeScript's compiler API over modules the caller
// hands in, on a host the caller hands in. Its two hosts: `pnpm typecheck` and the lessons' test
// run (typecheck.ts: the compiled lessons, the disk), and the page's type-check worker
// (site/src/client/typecheck-worker.ts: the blocks as edited, the files shipped with the site).

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

/** A problem located in the blocks: which block, which line and column of its code (1-based). */
export type BlockTypeProblem = BlockPlace & Omit<TypeProblem, "module" | "line">;

/** A block as the type check takes it: ```ts runs in the shared scope, ```ts throws in its own. */
export interface TypedBlock {
  kind: "run" | "throws" | "no-run";
  code: string;
}

/**
 * The blocks as one TypeScript module, laid out as the runtimes run them (program.ts): one scope,
 * top-level await, the runtime's `console` and `show`; a ```ts throws block (and a ```ts no-run
 * one, checked and never called) in a function of its own, so that its names stay its own.
 */
export function blocksModule(blocks: readonly TypedBlock[]): {
  code: string;
  /** Where a 0-based line and column of `code` came from, or undefined for the lines added. */
  place(line: number, column: number): (BlockPlace & { column: number }) | undefined;
} {
  // The bindings every block sees besides its own (runtime.ts's LessonScope).
  const lines = [
    "export {};",
    'declare const console: Record<"log" | "info" | "warn" | "error" | "debug", (...data: unknown[]) => void>;',
    'declare const show: (figure: import("@gradbook/lessons/figure").Figure) => void;',
  ];
  const origins: (BlockPlace | undefined)[] = lines.map(() => undefined);
  blocks.forEach((block, index) => {
    const own = block.kind !== "run";
    if (own) lines.push("(async () => {"), origins.push(undefined);
    block.code
      .replace(/\n$/, "")
      .split("\n")
      .forEach((line, i) => {
        lines.push(line);
        origins.push({ block: index, line: i + 1 });
      });
    if (own) lines.push("});"), origins.push(undefined);
  });
  return {
    code: lines.join("\n") + "\n",
    place: (line, column) => {
      const origin = origins[line];
      return origin && { ...origin, column: column + 1 };
    },
  };
}

/** The problems of `blocks`, each at its block, line and column. */
export function blockTypeProblems(
  blocks: readonly TypedBlock[],
  name: string,
  options: ts.CompilerOptions,
  host: ts.CompilerHost,
): BlockTypeProblem[] {
  const module = blocksModule(blocks);
  return typeProblems(new Map([[name, module.code]]), options, host).flatMap(
    ({ module: _, line, column, ...problem }) => {
      // A problem on a line the layout added (none is expected) is shown at the last block's end.
      const place = module.place(line, column) ?? {
        block: blocks.length - 1,
        line: blocks.at(-1)?.code.split("\n").length ?? 1,
        column: 1,
      };
      return [{ ...problem, ...place }];
    },
  );
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
