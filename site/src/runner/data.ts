import { blockMeta, isRunnable, type Lesson } from "@gradbook/lessons/kit";
import type { LessonData } from "../client/lesson.ts";

// What the Run button and the editors get of a lesson (run/NN-slug.json): its runnable blocks as
// the kit describes them (line, kind, recorded output, throws pattern), each with its code. The
// worker compiles them in the browser (client/program.ts), so edited blocks take the same path.

/**
 * The runnable blocks of a lesson, for the page; undefined if it has none, or if its front matter
 * says `run: node` (it reads files a browser does not have: lesson 09's 10,000 digits).
 */
export function lessonData(lesson: Lesson): LessonData | undefined {
  if (lesson.meta.run === "node") return undefined;
  const blocks = lesson.blocks.filter(isRunnable).map((b) => ({ ...blockMeta(b), code: b.code }));
  return blocks.length ? { file: lesson.file, package: lesson.package, blocks } : undefined;
}
