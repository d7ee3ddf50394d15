import { basename, dirname, relative, resolve } from "node:path";
import ts from "typescript";
import { LIB, type TypeFiles } from "../../../lessons/kit/type-errors.ts";

// What the page's type check reads (assets/js/types.json, fetched by its worker on the first
// check): every file TypeScript reads to check code that imports the modules a lesson may import
// in the browser — the step packages' sources, the figure module and its libraries' declarations,
// the page's `expect` (what `vitest` is there), and TypeScript's lib files — with where each
// import resolved, so that the page resolves exactly as Node did, without a file system. Their
// comments go (the check reads none but the `/// <reference …>` lines, which stay): that makes
// the JSON about half its size gzipped (182 KB, 1.1 MB raw, when this was written).

/** The module the page checks a lesson's blocks as (lessons/kit/type-errors.ts). */
const LESSON_MODULE = "/lessons/lesson.ts";
/**
 * The compiled lesson names the types of its scope (`console`, `show`) by the kit's entry
 * (lessons/kit/type-module.ts); the page resolves that to the file that defines them, not to the whole kit (vite, Node).
 */
const SCOPE_TYPES = { "@gradbook/lessons/kit": "lessons/kit/run.ts" };

/**
 * The compiler options of the lessons' check in Node (tsconfig.base.json), for where the
 * blocks run in the page: a worker (its lib instead of Node's types).
 */
function browserOptions(root: string): ts.CompilerOptions {
  const base = ts.readConfigFile(resolve(root, "tsconfig.base.json"), ts.sys.readFile).config as {
    compilerOptions: Record<string, unknown>;
  };
  const lib = [...((base.compilerOptions.lib as string[] | undefined) ?? []), "WebWorker"];
  const json = { compilerOptions: { ...base.compilerOptions, lib, types: [] } };
  return ts.parseJsonConfigFileContent(json, ts.sys, root).options;
}

/** The files and resolutions that checking code importing `modules` (specifier → file) needs. */
export function typeFiles(root: string, lessonModules: Record<string, string>): TypeFiles {
  const options = browserOptions(root);
  const modules = {
    ...lessonModules,
    ...Object.fromEntries(
      Object.entries(SCOPE_TYPES).map(([name, file]) => [name, resolve(root, file)]),
    ),
  };
  const libs = dirname(ts.getDefaultLibFilePath(options));
  const virtual = (path: string) =>
    dirname(path) === libs ? `${LIB}/${basename(path)}` : `/${relative(root, path)}`;
  const resolutions: TypeFiles["resolutions"] = {};
  const host = ts.createCompilerHost(options);
  host.resolveModuleNameLiterals = (literals, containing, redirected, opts, file) =>
    literals.map((literal) => {
      const mode = ts.getModeForUsageLocation(file, literal, opts);
      const found = ts.resolveModuleName(
        literal.text,
        containing,
        opts,
        host,
        undefined,
        redirected,
        mode,
      );
      const to = found.resolvedModule?.resolvedFileName;
      if (to) (resolutions[virtual(containing)] ??= {})[literal.text] = virtual(to);
      return found;
    });
  const program = ts.createProgram(Object.values(modules), options, host);
  const files: TypeFiles["files"] = {};
  const printer = ts.createPrinter({ removeComments: true });
  for (const sf of program.getSourceFiles())
    files[virtual(sf.fileName)] = withoutComments(sf, printer);
  resolutions[LESSON_MODULE] = Object.fromEntries(
    Object.entries(modules).map(([specifier, file]) => [specifier, virtual(file)]),
  );
  const { configFilePath: _, ...shipped } = options;
  return { module: LESSON_MODULE, options: shipped, files, resolutions };
}

/** A file's code as TypeScript prints it without comments, after its `/// <reference …>` lines. */
function withoutComments(sf: ts.SourceFile, printer: ts.Printer): string {
  if (sf.fileName.endsWith(".json")) return sf.text;
  const references = sf.text.match(/^\/\/\/\s*<reference\b.*$/gm) ?? [];
  return [...references, printer.printFile(sf)].join("\n");
}
