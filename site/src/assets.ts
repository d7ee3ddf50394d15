import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { subsetFonts, type SubsetReport } from "./fonts.ts";
import { HEAD_SCRIPT } from "./pages/layout.ts";

// The site's static assets, all shipped with it (no request leaves the site): the stylesheet
// with the highlighter's token classes, KaTeX's stylesheet and fonts (woff2 only, from the
// katex the markdown plugin renders with, cut down to the characters the math shows), and the icon.

const STYLES = fileURLToPath(new URL("./styles/site.css", import.meta.url));

/** The icon: a ∂ in a rounded square, readable on light and dark tabs. */
const FAVICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#8250df"/><text x="16" y="23" font-size="20" font-family="serif" font-style="italic" text-anchor="middle" fill="#fff">∂</text></svg>\n`;

/** Strips comments and layout whitespace from CSS (the stylesheet is written for reading). */
export function compactCss(css: string): string {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\s+/g, " ")
    .replace(/\s*([{};])\s*/g, "$1")
    .trim();
}

/** Writes assets/site.css: the site's stylesheet, then the token classes the pages used. */
export function writeStyles(out: string, tokenCss: string): void {
  mkdirSync(join(out, "assets"), { recursive: true });
  const css = readFileSync(STYLES, "utf8") + "\n" + tokenCss;
  writeFileSync(join(out, "assets/site.css"), compactCss(css) + "\n");
  writeFileSync(join(out, "assets/favicon.svg"), FAVICON);
  writeFileSync(join(out, "assets/head.js"), HEAD_SCRIPT);
}

/**
 * Copies KaTeX's stylesheet (its fonts as woff2 only) to assets/katex, and its fonts subset to
 * `mathChars`, the characters of all the site's typeset math (see fonts.ts).
 */
export async function copyKatex(out: string, mathChars: Iterable<string>): Promise<SubsetReport> {
  const katexDist = join(
    dirname(createRequire(import.meta.url).resolve("katex/package.json")),
    "dist",
  );
  const target = join(out, "assets/katex");
  mkdirSync(join(target, "fonts"), { recursive: true });
  const css = readFileSync(join(katexDist, "katex.min.css"), "utf8").replace(
    /(url\(fonts\/[\w-]+\.woff2\) format\("woff2"\)),url\([^)]*\.woff\) format\("woff"\),url\([^)]*\.ttf\) format\("truetype"\)/g,
    "$1",
  );
  if (/\.(woff|ttf)\)/.test(css))
    throw new Error("katex.min.css: could not reduce its fonts to woff2; check the katex version");
  writeFileSync(join(target, "katex.min.css"), css);
  return subsetFonts(join(katexDist, "fonts"), join(target, "fonts"), mathChars);
}
