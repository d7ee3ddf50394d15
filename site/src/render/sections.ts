import type Token from "markdown-it/lib/token.mjs";

/** A part of a page between two h2 headings, as text: what search indexes. */
export interface Section {
  /** The h2's id; "" for the part before the first h2. */
  id: string;
  heading: string;
  text: string;
}

/**
 * Splits a parsed page into sections at its h2 headings (after the heading-ids rule ran, so the
 * ids are the page's own). Text is the markdown's inline source and code: math stays as TeX.
 */
export function sections(tokens: Token[], title: string): Section[] {
  const found: Section[] = [{ id: "", heading: title, text: "" }];
  tokens.forEach((token, i) => {
    const current = found.at(-1)!;
    if (token.type === "heading_open" && token.tag === "h2") {
      found.push({
        id: token.attrGet("id") ?? "",
        heading: tokens[i + 1]?.content ?? "",
        text: "",
      });
    } else if (token.type === "inline" || token.type === "fence") {
      current.text += " " + token.content;
    }
  });
  for (const section of found) section.text = section.text.replace(/\s+/g, " ").trim();
  return found;
}
