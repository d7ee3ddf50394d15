import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import ts from "typescript";
import { compileLesson, type CompiledLesson } from "./compile.ts";
import { LessonError } from "./errors.ts";
import { loadLesson, ROOT } from "./plugin.ts";

// vitest strips types without checking them: this checks the compiled lessons with the
// TypeScript API, against the packages' real sources, and reports at the markdown line.

export interface LessonDiagnostic {
  file: string;
  line: number;
  column: number;
  /** `file:line:column - error TS2322: message`, like tsc. */
  text: string;
}

/** Type-checks lessons (absolute paths); returns every problem located in its markdown. */
export function typecheckLessons(paths: string[], root = ROOT): LessonDiagnostic[] {
  const config = ts.readConfigFile(resolve(root, "tsconfig.base.json"), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  const found: LessonDiagnostic[] = [];
  const virtual = new Map<string, { code: string; compiled: CompiledLesson; file: string }>();
  for (const path of paths) {
    try {
      const lesson = loadLesson(path, readFileSync(path, "utf8"), root);
      const compiled = compileLesson(lesson, path);
      virtual.set(`${path}.ts`, { code: compiled.code, compiled, file: lesson.file });
    } catch (error) {
      if (!(error instanceof LessonError)) throw error;
      found.push({ file: error.file, line: error.line, column: 1, text: error.message });
    }
  }

  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (name) => virtual.has(name) || fileExists.call(host, name);
  host.readFile = (name) => virtual.get(name)?.code ?? readFile.call(host, name);
  host.getSourceFile = (name, version, ...rest) => {
    const entry = virtual.get(name);
    return entry
      ? ts.createSourceFile(name, entry.code, version, true)
      : getSourceFile.call(host, name, version, ...rest);
  };
  const program = ts.createProgram([...virtual.keys()], options, host);

  for (const [name, entry] of virtual) {
    const sf = program.getSourceFile(name)!;
    for (const d of [
      ...program.getSyntacticDiagnostics(sf),
      ...program.getSemanticDiagnostics(sf),
    ]) {
      const at = sf.getLineAndCharacterOfPosition(d.start ?? 0);
      const where = entry.compiled.locate(at.line, at.character) ?? { line: 1, column: 1 };
      const message = ts.flattenDiagnosticMessageText(d.messageText, "\n");
      const category = ts.DiagnosticCategory[d.category].toLowerCase();
      found.push({
        file: entry.file,
        ...where,
        text: `${entry.file}:${where.line}:${where.column} - ${category} TS${d.code}: ${message}`,
      });
    }
  }
  return found;
}
