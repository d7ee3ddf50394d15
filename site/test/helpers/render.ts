import { loadLesson, ROOT, type Figure, type Lesson } from "@gradbook/lessons/kit";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { LessonRecord } from "../../src/course/records.ts";
import { placeFigures } from "../../src/course/records.ts";
import { createCodeHighlighter, type CodeHighlighter } from "../../src/render/highlight.ts";
import { renderLesson, type RenderedLesson } from "../../src/render/lesson.ts";
import { createSiteMarkdown } from "../../src/render/markdown.ts";

// Renders fixture lessons without running them: a test hands in the record it wants.

export const COURSE = fileURLToPath(new URL("../fixtures/course/", import.meta.url));

let highlighter: Promise<CodeHighlighter> | undefined;
const md = createSiteMarkdown();

/** A lesson from the fixture course, parsed as the build parses it. */
export function fixtureLesson(name: string): Lesson {
  const path = COURSE + name;
  return loadLesson(path, readFileSync(path, "utf8"), ROOT);
}

/** The record a passing run of `lesson` writes, with `figures` shown by the blocks at those indices. */
export function fakeRecord(lesson: Lesson, figures: Record<number, Figure[]> = {}): LessonRecord {
  const runnable = lesson.blocks.filter((b) => b.kind !== "no-run");
  return {
    file: lesson.file,
    blocks: runnable.map((b, i) => ({
      line: b.line,
      output: b.output?.text ?? "",
      figures: figures[i] ?? [],
    })),
  };
}

/** Renders a lesson with a record; paths under site/test/fixtures/ link to a made-up API page. */
export async function render(
  lesson: Lesson,
  record: LessonRecord = fakeRecord(lesson),
): Promise<RenderedLesson> {
  highlighter ??= createCodeHighlighter();
  const linkFor = (path: string) =>
    path.startsWith("site/test/fixtures/") ? "api/fixture.html" : undefined;
  return renderLesson(md, lesson, placeFigures(lesson, record), {
    root: ROOT,
    highlighter: await highlighter,
    linkFor,
  });
}
