import { figureDigest, lessonCode, type BlockRecord, type Lesson } from "@gradbook/lessons/kit";
import type { LessonData } from "../client/lesson.ts";

// What the Run button and the editors get of a lesson (run/NN-slug.json): its runnable blocks as
// the kit describes them (line, kind, recorded output, throws pattern), each with its code and
// the digests of the figures the test run recorded for it (the page compares figures too). The
// worker compiles them in the browser (the lesson core: lessons/kit/program.ts), so edited blocks
// take the same path.

/**
 * The runnable blocks of a lesson, for the page; undefined if it has none, or if its front matter
 * says `run: node` (it reads files a browser does not have: lesson 09's 10,000 digits).
 */
export function lessonData(
  lesson: Lesson,
  record?: { blocks: BlockRecord[] },
): LessonData | undefined {
  if (lesson.meta.run === "node") return undefined;
  const code = lessonCode(lesson);
  const blocks = code.blocks.map((block, i) => {
    const figures = record?.blocks[i]?.figures.map(figureDigest);
    return figures ? { ...block, figures } : block;
  });
  return blocks.length ? { ...code, blocks } : undefined;
}
