import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import ts from "typescript";
import { typeModule, type TypeModule } from "./type-module.ts";
import { LessonError } from "./errors.ts";
import { loadLesson, ROOT } from "./plugin.ts";
import { typeProblems } from "./type-errors.ts";

// vitest strips types without checking them: this checks the compiled lessons (type-module.ts) with
// the kit's type check (type-errors.ts, which the page's worker runs too), against the packages'
// real sources on disk, and reports at the markdown line.

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
  const virtual = new Map<string, { code: string; compiled: TypeModule; file: string }>();
  for (const path of paths) {
    try {
      const lesson = loadLesson(path, readFileSync(path, "utf8"), root);
      const compiled = typeModule(lesson, path);
      virtual.set(`${path}.ts`, { code: compiled.code, compiled, file: lesson.file });
    } catch (error) {
      if (!(error instanceof LessonError)) throw error;
      found.push({ file: error.file, line: error.line, column: 1, text: error.message });
    }
  }

  const modules = new Map([...virtual].map(([name, entry]) => [name, entry.code]));
  for (const problem of typeProblems(modules, options, ts.createCompilerHost(options))) {
    const entry = virtual.get(problem.module)!;
    const where = entry.compiled.locate(problem.line, problem.column) ?? { line: 1, column: 1 };
    found.push({
      file: entry.file,
      ...where,
      text: `${entry.file}:${where.line}:${where.column} - ${problem.category} TS${problem.code}: ${problem.message}`,
    });
  }
  return found;
}
