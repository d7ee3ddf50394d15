import {
  LESSON_FILE,
  parseFence,
  resolveInclude,
  type Figure,
  type Lesson,
} from "@gradbook/lessons/kit";
import type MarkdownIt from "markdown-it";
import type { HeadingEnv } from "./anchors.ts";
import { escapeHtml } from "./escape.ts";
import { hideSolution } from "./exercise-code.ts";
import { figureHtml } from "./figure.ts";
import type { CodeHighlighter } from "./highlight.ts";

// How a lesson's blocks look on the page: ```ts blocks highlighted (``` no-run and throws
// labelled), ```text output blocks as program output with an "Output" label, include lines as
// the package's real code under a caption naming its file (closed behind a disclosure when it is
// the answer to an exercise: exercise-code.ts), and each block's recorded figures
// right after the block (or after its output).

/** What rendering one lesson needs (markdown-it's `env`). */
export interface LessonEnv extends HeadingEnv {
  lesson: Lesson;
  /** The repository root, which include paths are relative to. */
  root: string;
  highlighter: CodeHighlighter;
  /** Figures to place after the fence that opens at each line. */
  figuresAfter: Map<number, Figure[]>;
  /** The page a link to a repository path should point to, if the site has one. */
  linkFor(path: string): string | undefined;
}

function label(text: string): string {
  return `<div class="block-label">${text}</div>`;
}

/** The markdown-it plugin that renders a lesson's fences, includes and lesson links. */
export function lessonBlocks(md: MarkdownIt): void {
  md.renderer.rules.fence = (tokens, idx, _options, env: LessonEnv) => {
    const token = tokens[idx]!;
    const line = token.map![0] + 1;
    const fence = parseFence(token.info);
    const lang = typeof fence === "string" ? "text" : fence.lang;
    const code = env.highlighter.highlight(token.content, lang);
    let html: string;
    switch (typeof fence === "string" ? "show" : fence.kind) {
      case "output":
        html = `<div class="output">${label("Output")}<pre tabindex="0"><code>${escapeHtml(token.content.replace(/\n$/, ""))}</code></pre></div>`;
        break;
      case "run":
        html = `<div class="code" data-line="${line}">${code}</div>`;
        break;
      case "throws": {
        const pattern =
          typeof fence !== "string" && fence.pattern
            ? ` <code>${escapeHtml(String(fence.pattern))}</code>`
            : "";
        html = `<div class="code throws" data-line="${line}">${label(`Throws${pattern}`)}${code}</div>`;
        break;
      }
      case "no-run":
        html = `<div class="code no-run">${label("Not run")}${code}</div>`;
        break;
      default:
        html = `<div class="code">${code}</div>`;
    }
    return html + "\n" + (env.figuresAfter.get(line) ?? []).map(figureHtml).join("");
  };

  md.renderer.rules.include = (tokens, idx, _options, env: LessonEnv) => {
    const { path, region } = tokens[idx]!.meta as { path: string; region: string };
    const line = tokens[idx]!.map![0] + 1;
    const code = resolveInclude(env.lesson, { line, path, region }, env.root);
    const lang = /\.(ts|json|sh)$/.exec(path)?.[1] ?? "text";
    const href = env.linkFor(path);
    const file = href
      ? `<a href="${href}"><code>${escapeHtml(path)}</code></a>`
      : `<code>${escapeHtml(path)}</code>`;
    const html = `<figure class="include"><figcaption>From ${file}</figcaption>${env.highlighter.highlight(code, lang)}</figure>\n`;
    return hideSolution(html, env.root, path, region);
  };

  // A link to another lesson's markdown goes to its page; a link into a package, to its API.
  const linkOpen =
    md.renderer.rules.link_open ??
    ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
  md.renderer.rules.link_open = (tokens, idx, options, env: LessonEnv, self) => {
    const token = tokens[idx]!;
    const href = token.attrGet("href") ?? "";
    const [path = "", hash = ""] = href.replace(/^\.\//, "").split(/(?=#)/);
    // (a prose page beside the lessons, `assignment.md`, too: it is `assignment.html` in the site)
    if (LESSON_FILE.test(path) || /^[a-z][\w-]*\.md$/.test(path))
      token.attrSet("href", `${path.slice(0, -".md".length)}.html${hash}`);
    else if (!/^[a-z]+:|^#/.test(href)) {
      const mapped = env.linkFor?.(href.replace(/^(\.\.\/)+/, ""));
      if (mapped) token.attrSet("href", mapped);
    }
    return linkOpen(tokens, idx, options, env, self);
  };
}
