import { LessonError, splitFrontMatter, type Figure, type Lesson } from "@gradbook/lessons/kit";
import type MarkdownIt from "markdown-it";
import type { TocEntry } from "./anchors.ts";
import type { LessonEnv } from "./blocks.ts";
import type { CodeHighlighter } from "./highlight.ts";
import { sections, type Section } from "./sections.ts";

/** A lesson rendered to HTML, with what its page needs to know about it. */
export interface RenderedLesson {
  html: string;
  toc: TocEntry[];
  /** Whether the page typesets math (and so needs KaTeX's stylesheet). */
  hasMath: boolean;
  /** The lesson's text by section, for search. */
  sections: Section[];
}

export interface LessonContext {
  root: string;
  highlighter: CodeHighlighter;
  linkFor(path: string): string | undefined;
}

/** Renders a lesson's markdown with its recorded figures placed (see `placeFigures`). */
export function renderLesson(
  md: MarkdownIt,
  lesson: Lesson,
  figuresAfter: Map<number, Figure[]>,
  context: LessonContext,
): RenderedLesson {
  const env: LessonEnv = { ...context, lesson, figuresAfter, toc: [] };
  const { body } = splitFrontMatter(lesson.source); // front matter becomes blank lines: lines stay true
  const tokens = md.parse(body, env);
  const html = md.renderer.render(tokens, md.options, env);
  // KaTeX renders a formula it cannot parse as an error span: fail the build instead.
  const error = /class=['"]katex-error['"] title=['"]([^'"]*)['"]/.exec(html);
  if (error)
    throw new LessonError(
      lesson.file,
      1,
      `math does not typeset: ${error[1]!.replaceAll("&quot;", '"').replaceAll("&#39;", "'")}`,
    );
  return {
    html,
    toc: env.toc!,
    hasMath: html.includes('class="katex'),
    sections: sections(tokens, lesson.title),
  };
}
