import type MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import { escapeHtml } from "./escape.ts";

// Headings get ids (so sections can be linked and searched) and a visible "#" link; the h2 and
// h3 headings of a page become its table of contents.

/** A heading in a page's table of contents. */
export interface TocEntry {
  level: number;
  id: string;
  /** The heading as plain text. */
  text: string;
}

/** What a render collects about its page's headings (markdown-it's `env`). */
export interface HeadingEnv {
  toc?: TocEntry[];
}

/** A URL fragment for a heading: lower case, words joined by hyphens. */
export function slugify(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^\p{L}\p{N}\s-]/gu, "")
      .trim()
      .replace(/[\s-]+/g, "-") || "section"
  );
}

function plainText(inline: Token | undefined): string {
  return (inline?.children ?? [])
    .map((t) =>
      t.type === "text" || t.type === "code_inline" || t.type.startsWith("math") ? t.content : "",
    )
    .join("")
    .trim();
}

/** The markdown-it plugin: unique heading ids, "#" links, and `env.toc`. */
export function headingAnchors(md: MarkdownIt): void {
  md.core.ruler.push("heading_ids", (state) => {
    const env = state.env as HeadingEnv;
    const toc = (env.toc ??= []);
    const used = new Set<string>();
    state.tokens.forEach((token, i) => {
      if (token.type !== "heading_open") return;
      const text = plainText(state.tokens[i + 1]);
      const base = slugify(text);
      let id = base;
      for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
      used.add(id);
      token.attrSet("id", id);
      token.meta = { text };
      const level = Number(token.tag.slice(1));
      if (level === 2 || level === 3) toc.push({ level, id, text });
    });
  });
  md.renderer.rules.heading_close = (tokens, idx, options, _env, self) => {
    const open = tokens.findLast((t, i) => i < idx && t.type === "heading_open");
    const id = open?.attrGet("id");
    const link =
      id && open!.tag !== "h1"
        ? ` <a class="anchor" href="#${id}" aria-label="Link to the section ${escapeHtml(open!.meta.text)}">#</a>`
        : "";
    return link + self.renderToken(tokens, idx, options);
  };
}
