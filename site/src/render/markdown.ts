import { createMarkdown } from "@gradbook/lessons/kit";
import { katex } from "@mdit/plugin-katex";
import type MarkdownIt from "markdown-it";
import { headingAnchors } from "./anchors.ts";
import { lessonBlocks } from "./blocks.ts";

/**
 * The site's markdown: the kit's own instance (so the page reads a lesson exactly as the tests
 * do) with math typeset by KaTeX at build time, heading anchors, and the lesson block renderers.
 */
export function createSiteMarkdown(): MarkdownIt {
  const md = createMarkdown({ typographer: true });
  md.use(katex, {
    throwOnError: false,
    output: "htmlAndMathml", // MathML for screen readers, HTML for the eye
    // A display formula wider than the column scrolls: make it reachable by keyboard.
    transformer: (html: string, display: boolean) =>
      display
        ? html.replace("<p class='katex-block'>", "<p class='katex-block' tabindex='0'>")
        : html,
  });
  md.use(headingAnchors);
  md.use(lessonBlocks);
  return md;
}
