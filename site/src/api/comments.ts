import MarkdownIt from "markdown-it";
import type { JSONOutput } from "typedoc";
import type { CodeHighlighter } from "../render/highlight.ts";
import type { LinkTo } from "./types.ts";

// TSDoc comments, written for the reader (STYLE.md), rendered as markdown: {@link} tags become
// links into the reference, @example code is highlighted like the lessons' code.

/** A markdown renderer for comments, highlighting fenced code with the site's highlighter. */
export function commentMarkdown(highlighter: CodeHighlighter): MarkdownIt {
  return new MarkdownIt({
    html: false,
    typographer: true,
    highlight: (code, lang) => highlighter.highlight(code, lang || "ts"),
  });
}

/** A comment's parts as markdown, with {@link} targets resolved. */
function partsMarkdown(parts: JSONOutput.CommentDisplayPart[], link: LinkTo): string {
  return parts
    .map((part) => {
      if (part.kind !== "inline-tag") return part.text;
      const href = typeof part.target === "number" ? link(part.target) : undefined;
      const text = part.tag === "@link" ? `\`${part.text}\`` : part.text;
      return href ? `[${text}](${href})` : text;
    })
    .join("");
}

const TAG_TITLES: Record<string, string> = {
  "@returns": "Returns",
  "@example": "Example",
  "@throws": "Throws",
  "@default": "Default",
  "@see": "See also",
  "@remarks": "Remarks",
};

/** A comment's summary and block tags as HTML (parameters are shown with the signature). */
export function commentHtml(
  comment: JSONOutput.Comment | undefined,
  link: LinkTo,
  md: MarkdownIt,
): string {
  if (!comment) return "";
  let html = md.render(partsMarkdown(comment.summary, link));
  for (const tag of comment.blockTags ?? []) {
    if (tag.tag === "@param" || tag.tag === "@typeParam") continue;
    const title = TAG_TITLES[tag.tag] ?? tag.tag.slice(1);
    let body = partsMarkdown(tag.content, link);
    // typedoc keeps an @example's bare code as text: fence it so it is shown as code.
    if (tag.tag === "@example" && !body.includes("```")) body = "```ts\n" + body.trim() + "\n```";
    if (tag.tag === "@default" && !body.includes("`")) body = "`" + body.trim() + "`";
    html += `<div class="doc-tag"><p class="doc-tag-title">${title}</p>${md.render(body)}</div>`;
  }
  return html;
}

/** A comment's summary as plain text (for search and descriptions). */
export function commentText(comment: JSONOutput.Comment | undefined): string {
  return (comment?.summary ?? [])
    .map((p) => p.text)
    .join("")
    .replace(/\s+/g, " ")
    .trim();
}
