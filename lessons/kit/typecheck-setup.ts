import type { TestProject } from "vitest/node";
import { lessonName } from "./lesson-file.ts";
import { typecheckLessons } from "./typecheck.ts";

// vitest strips types without checking them. This global setup of the lessons project
// type-checks the lessons a run selects (all, or those `pnpm lessons 01` names), once, before they
// run, and hands each lesson its errors; typecheck-hook.ts fails the lesson with them after its
// blocks have run, at the markdown line, as `pnpm typecheck` reports them. (A thread beside the
// run was tried: it loads TypeScript and the kit afresh, and cost more than it hid.)

declare module "vitest" {
  interface ProvidedContext {
    /** Type errors by lesson (its path from the repository root), each like tsc prints it. */
    lessonTypeErrors: Record<string, string[]>;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  // vitest keeps the command line's file filters here (`pnpm lessons 01`); none means every lesson.
  const filters = (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern;
  const lessons = (await project.globTestFiles(filters)).testFiles.filter((file) =>
    lessonName(file),
  );
  const errors: Record<string, string[]> = {};
  for (const d of lessons.length ? typecheckLessons(lessons) : [])
    (errors[d.file] ??= []).push(d.text);
  project.provide("lessonTypeErrors", errors);
}
