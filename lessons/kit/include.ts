import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { LessonError } from "./errors.ts";
import type { Include, Lesson } from "./parse.ts";
import { extractRegion } from "./regions.ts";

/** Reads the region an include line names; paths are relative to the repository root. */
export function resolveInclude(lesson: Lesson, include: Include, root: string): string {
  const path = resolve(root, include.path);
  if (!existsSync(path)) {
    throw new LessonError(lesson.file, include.line, `include: no file ${include.path}`);
  }
  const code = extractRegion(readFileSync(path, "utf8"), include.region, include.path);
  if (code === undefined) {
    throw new LessonError(
      lesson.file,
      include.line,
      `include: ${include.path} has no region "${include.region}" (mark it with // #region ${include.region} … // #endregion ${include.region})`,
    );
  }
  return code;
}
