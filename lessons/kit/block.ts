import type { CodeBlock, Lesson } from "./parse.ts";
import type { LessonCode } from "./run.ts";

// Which blocks of a lesson the lesson core runs (```ts and ```ts throws fences), and what it needs
// to know of each, as the test run and the page's worker hand them to run.ts. No node imports.

/** A runnable block as the core sees it: where it is, what kind, what it must print or throw. */
export interface BlockMeta {
  /** Line of the opening fence. */
  line: number;
  kind: "run" | "throws";
  /** The ```text output block after it: the exact text it must print. */
  output?: { line: number; text: string };
  /** For ```ts throws=/pattern/: what the error's text must match. */
  pattern?: { source: string; flags: string };
}

/** Blocks share their bindings by sharing a scope: an export is a mistake, refused at its line. */
export const NO_EXPORT =
  "a lesson block cannot export: its bindings are shared with the later blocks already";

/** A lesson's runnable blocks as written (```ts no-run is only shown and type-checked), for a run. */
export function lessonCode(lesson: Lesson): LessonCode {
  const blocks = lesson.blocks
    .filter((b) => b.kind !== "no-run")
    .map((b) => ({ ...blockMeta(b), code: b.code }));
  return { file: lesson.file, package: lesson.package, blocks };
}

/** The core's view of a runnable block. */
function blockMeta(block: CodeBlock): BlockMeta {
  const meta: BlockMeta = { line: block.line, kind: block.kind as BlockMeta["kind"] };
  if (block.output) meta.output = block.output;
  if (block.pattern) meta.pattern = { source: block.pattern.source, flags: block.pattern.flags };
  return meta;
}
