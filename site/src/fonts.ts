import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import subsetFont from "subset-font";

// KaTeX's fonts cut down to the characters the site's math shows. A whole KaTeX font holds
// every glyph TeX might ask for (5–28 KB each); a page loads four or five of them for a few
// dozen characters. The build collects the characters of every page's typeset math (one set
// for the whole site, so any glyph shown anywhere is in every subset) and writes each font
// with only those, under its own name: KaTeX's stylesheet finds them as before.

/**
 * Characters every subset keeps though the pages' math text may not hold them: the space, whose
 * glyph the browser draws for the zero-width spaces (U+200B) in KaTeX's stacked boxes (with no
 * space in the font, it draws nothing: the same to the eye, but no longer the same text run),
 * and what KaTeX's stylesheet writes itself, an equation's number
 * (`.eqn-num::before { content: "(" counter(katexEqnNo) ")" }`).
 */
const ALWAYS = " ()0123456789";

/** The entities KaTeX and markdown-it write in text (besides numeric ones). */
const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00a0",
};

function decode(text: string): string {
  return text.replace(/&(#x[\da-f]+|#\d+|\w+);/gi, (entity, body: string) => {
    if (body[0] === "#")
      return String.fromCodePoint(
        body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : Number(body.slice(1)),
      );
    const char = ENTITIES[body];
    if (char === undefined)
      throw new Error(`mathCharacters: unknown entity ${entity} in typeset math`);
    return char;
  });
}

/**
 * The characters the typeset math of an HTML page draws: the text inside KaTeX's
 * `<span class="katex-html">` elements. (The MathML copy beside each is for assistive
 * technology and is never drawn with these fonts.)
 */
export function mathCharacters(html: string): Set<string> {
  const chars = new Set<string>();
  for (
    let start = html.indexOf('<span class="katex-html"');
    start !== -1;
    start = html.indexOf('<span class="katex-html"', start + 1)
  ) {
    // Walk the spans to the one that closes katex-html, taking the text between tags.
    const tokens = /<(\/?)([a-zA-Z][\w-]*)[^>]*>|[^<]+/g;
    tokens.lastIndex = start;
    let depth = 0;
    for (let token = tokens.exec(html); token; token = tokens.exec(html)) {
      const [text, closing, tag] = token;
      if (tag === undefined) for (const char of decode(text)) chars.add(char);
      else if (tag === "span" && !text.endsWith("/>")) depth += closing ? -1 : 1;
      if (depth === 0) break;
    }
    if (depth !== 0)
      throw new Error(`mathCharacters: a katex-html span at offset ${start} is not closed`);
  }
  return chars;
}

/** What subsetting did: how many fonts, their bytes before and after, and how long it took. */
export interface SubsetReport {
  fonts: number;
  bytesBefore: number;
  bytesAfter: number;
  ms: number;
}

/**
 * Writes every woff2 font of the folder `from` into `to` under the same name, keeping only the
 * glyphs of `chars` (and of {@link ALWAYS}), with their layout features and hinting.
 */
export async function subsetFonts(
  from: string,
  to: string,
  chars: Iterable<string>,
): Promise<SubsetReport> {
  const started = performance.now();
  const text = [...new Set([...chars, ...ALWAYS])].sort().join("");
  const report: SubsetReport = { fonts: 0, bytesBefore: 0, bytesAfter: 0, ms: 0 };
  for (const name of readdirSync(from)
    .filter((f) => f.endsWith(".woff2"))
    .sort()) {
    const font = readFileSync(join(from, name));
    const subset = await subsetFont(font, text, { targetFormat: "woff2" });
    writeFileSync(join(to, name), subset);
    report.fonts++;
    report.bytesBefore += font.length;
    report.bytesAfter += subset.length;
  }
  report.ms = Math.round(performance.now() - started);
  return report;
}
