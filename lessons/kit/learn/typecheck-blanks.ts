import { existsSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";

// vitest strips types without checking them, so a blank that breaks the types would pass
// `verify` and then show red in the learner's editor. This type-checks packages (sources and
// tests) as `start` leaves them, with every exercise blanked in memory, and reports the errors
// that the blanks add: one program with the files as they are, one with the blanks (about 1.5 s).

// The repository's settings when it has a tsconfig.json; a fixture course without one gets these.
const DEFAULTS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2023,
  module: ts.ModuleKind.Preserve,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  allowImportingTsExtensions: true,
  verbatimModuleSyntax: true,
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  types: ["node"],
};

/**
 * Type-checks packages with some of their files replaced (`blanked`: text by path from the
 * repository root); returns the errors, like tsc prints them, that the replacement adds.
 */
export function typecheckBlanks(
  root: string,
  pkgs: string[],
  blanked: Map<string, string>,
): string[] {
  const options = compilerOptions(root);
  const files = pkgs.flatMap((pkg) =>
    ["src", "test"].flatMap((dir) => tsFiles(join(root, "packages", pkg, dir))),
  );
  const overrides = new Map<string, string>();
  const host = ts.createCompilerHost(options);
  const { getSourceFile } = host;
  host.readFile = (name) => overrides.get(name) ?? ts.sys.readFile(name);
  host.getSourceFile = (name, version, ...rest) => {
    const text = overrides.get(name);
    return text === undefined
      ? getSourceFile.call(host, name, version, ...rest)
      : ts.createSourceFile(name, text, version, true);
  };
  const before = ts.createProgram(files, options, host);
  const baseline = new Set(diagnostics(root, before, files));
  for (const [file, text] of blanked) overrides.set(join(root, file), text);
  const after = ts.createProgram(files, options, host, before); // reuses every unchanged file's parse
  return diagnostics(root, after, files).filter((text) => !baseline.has(text));
}

function compilerOptions(root: string): ts.CompilerOptions {
  const path = join(root, "tsconfig.json");
  if (!existsSync(path)) return DEFAULTS;
  const parsed = ts.getParsedCommandLineOfConfigFile(
    path,
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
  );
  return parsed?.options ?? DEFAULTS;
}

function tsFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts"))
    .map((f) => join(dir, f));
}

function diagnostics(root: string, program: ts.Program, files: string[]): string[] {
  return files.flatMap((name) => {
    const sf = program.getSourceFile(name);
    if (!sf) return [];
    return [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)]
      .filter((d) => d.category === ts.DiagnosticCategory.Error)
      .map((d) => {
        const at = sf.getLineAndCharacterOfPosition(d.start ?? 0);
        const message = ts.flattenDiagnosticMessageText(d.messageText, "\n");
        return `${relative(root, name).replaceAll("\\", "/")}:${at.line + 1}:${at.character + 1} - error TS${d.code}: ${message}`;
      });
  });
}
