import { LessonError } from "./errors.ts";
import { lessonName } from "./lesson-file.ts";
import { parseFence, type Fence } from "./fence.ts";
import { createMarkdown, splitFrontMatter } from "./markdown.ts";

/** A fenced block of a lesson. Lines are 1-based lines of the markdown file. */
export interface CodeBlock {
  kind: "run" | "no-run" | "throws";
  /** Line of the opening fence. */
  line: number;
  code: string;
  /** Offsets of the code in the lesson's source. */
  start: number;
  end: number;
  pattern?: RegExp;
  /** The ```text output block that follows, if any. */
  output?: { line: number; text: string };
}

/** An include line: a region of a source file shown on the page. */
export interface Include {
  line: number;
  path: string;
  region: string;
}

export interface Lesson {
  /** Path from the repository root, e.g. `lessons/01-chain-rule.md`: what errors name. */
  file: string;
  /** The NN of `NN-slug.md`. */
  number: number;
  slug: string;
  title: string;
  /** The step package the lesson pairs with (`autograd` …), or null for `package: none`. */
  package: string | null;
  meta: Record<string, string>;
  source: string;
  blocks: CodeBlock[];
  includes: Include[];
}

const md = createMarkdown();

/** Reads a lesson: front matter, title, code blocks with their lines, includes. */
export function parseLesson(file: string, text: string): Lesson {
  const source = text.replace(/\r\n?/g, "\n"); // markdown-it reads \r\n as \n: keep offsets comparable
  const name = lessonName(file);
  if (!name) throw new LessonError(file, 1, "a lesson's file name must look like NN-slug.md");
  const { meta, body } = splitFrontMatter(source);
  if (!("package" in meta))
    throw new LessonError(
      file,
      1,
      "front matter must name the lesson's package (`package: autograd`, or `package: none`)",
    );
  const lineStarts = lineOffsets(source);
  const lesson: Lesson = {
    file,
    number: Number(name.nn),
    slug: name.slug,
    title: "",
    meta,
    source,
    package: meta.package === "none" ? null : meta.package!,
    blocks: [],
    includes: [],
  };
  let previous: CodeBlock | undefined;
  const tokens = md.parse(body, {});
  for (const [i, token] of tokens.entries()) {
    if (token.type === "heading_open" && token.tag === "h1" && !lesson.title)
      lesson.title = tokens[i + 1]!.content.trim();
    if (!token.map) continue;
    const line = token.map[0] + 1;
    if (token.type === "include") {
      lesson.includes.push({ line, path: token.meta.path, region: token.meta.region });
      continue;
    }
    if (token.type !== "fence") continue;
    const fence = parseFence(token.info);
    if (typeof fence === "string") throw new LessonError(file, line, fence);
    if (fence.kind === "show") continue;
    if (token.level > 0)
      throw new LessonError(
        file,
        line,
        "a ```ts or ```text output fence must be at the top level, not inside a list or quote",
      );
    if (fence.kind === "output") {
      attachOutput(file, line, token.content, previous);
      previous = undefined;
      continue;
    }
    previous = codeBlock(fence, line, token.content, lineStarts);
    if (source.slice(previous.start, previous.end) !== previous.code) {
      throw new LessonError(file, line, "a ```ts fence must not be indented");
    }
    lesson.blocks.push(previous);
  }
  if (!lesson.title) throw new LessonError(file, 1, "a lesson needs a `# Title` heading");
  return lesson;
}

function codeBlock(fence: Fence, line: number, code: string, lineStarts: number[]): CodeBlock {
  const start = lineStarts[line]!; // the line after the opening fence (line is 1-based)
  const block: CodeBlock = {
    kind: fence.kind as CodeBlock["kind"],
    line,
    code,
    start,
    end: start + code.length,
  };
  if (fence.pattern) block.pattern = fence.pattern;
  return block;
}

function attachOutput(
  file: string,
  line: number,
  text: string,
  previous: CodeBlock | undefined,
): void {
  if (!previous || previous.kind === "no-run") {
    throw new LessonError(
      file,
      line,
      "a ```text output block must follow a ```ts or ```ts throws block (the output of the block before it)",
    );
  }
  previous.output = { line, text };
}

/** Offset of the start of each line; index 0 is line 1. */
export function lineOffsets(source: string): number[] {
  const starts = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === "\n") starts.push(i + 1);
  return starts;
}
