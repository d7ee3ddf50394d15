import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import katex from "katex";
import { describe, expect, it } from "vitest";
import { mathCharacters, subsetFonts } from "../src/fonts.ts";
import { readWoff2 } from "./helpers/woff2.ts";

// KaTeX's fonts cut down to the site's math: which characters count, and what a subset keeps
// (read back with a WOFF2 reader of the test's own, not the library that wrote it).

const FONTS = join(
  dirname(createRequire(import.meta.url).resolve("katex/package.json")),
  "dist/fonts",
);
const chars = (set: Set<string>) => [...set].sort().join("");

describe("mathCharacters", () => {
  it.each([
    // KaTeX's stacked boxes (a fraction, a superscript) each hold a zero-width space (U+200B).
    [
      "the drawn text only, not the MathML copy nor the TeX source",
      katex.renderToString("\\frac{a}{b}"),
      "ab\u200b",
    ],
    ["entities decoded", katex.renderToString("x < y \\,\\&\\, z"), "&<xyz"],
    [
      "symbols of every kind",
      katex.renderToString("\\sum_i \\partial L \\mathcal{L} \\leq 10^{-5}"),
      "015Li−∂∑≤\u200b",
    ],
    [
      "nested elements, and the text after them left out",
      `<p><span class="katex"><span class="katex-html" aria-hidden="true"><span class="a">q<span>r</span></span><svg><path d="M0,0"/></svg>s</span></span> after</p>`,
      "qrs",
    ],
    ["several formulas", `${katex.renderToString("a")} and ${katex.renderToString("β")}`, "aβ"],
    ["none", "<p>no math</p>", ""],
  ])("%s", (_, html, expected) => {
    expect(chars(mathCharacters(html))).toBe([...expected].sort().join(""));
  });

  it("names an entity it cannot decode, so that no glyph goes missing silently", () => {
    expect(() => mathCharacters('<span class="katex-html">&weird;</span>')).toThrow(
      "mathCharacters: unknown entity &weird; in typeset math",
    );
  });
});

describe("subsetFonts", () => {
  it("writes every KaTeX font under its own name, smaller, mapping exactly the asked characters it had", async () => {
    const out = mkdtempSync(join(tmpdir(), "gradbook-fonts-"));
    const asked = new Set([..."xy=+∂∑()0123456789", "\u00a0"]);
    const report = await subsetFonts(FONTS, out, asked);
    const names = readdirSync(FONTS).filter((f) => f.endsWith(".woff2"));
    expect(readdirSync(out).sort()).toEqual(names.sort());
    expect(report.fonts).toBe(names.length);
    expect(report.bytesAfter).toBeLessThan(report.bytesBefore / 2);
    // What was asked, and what every subset keeps: the space (the browser draws U+200B with it),
    // parentheses and digits (for equation numbers that KaTeX's stylesheet writes).
    const codePoints = new Set([...asked, ..." ()0123456789"].map((c) => c.codePointAt(0)!));
    for (const name of names) {
      const [full, subset] = [
        readWoff2(readFileSync(join(FONTS, name))),
        readWoff2(readFileSync(join(out, name))),
      ];
      const expected = [...full.chars].filter((c) => codePoints.has(c)).sort();
      expect([...subset.chars].sort(), name).toEqual(expected);
      expect(subset.glyphs, name).toBeLessThan(full.glyphs);
      expect(readFileSync(join(out, name)).length, name).toBeLessThan(
        readFileSync(join(FONTS, name)).length,
      );
    }
    // The two the math uses most: upright Latin, digits and operators; italic letters and digits.
    expect(readWoff2(readFileSync(join(out, "KaTeX_Main-Regular.woff2"))).chars).toEqual(
      new Set([..." xy=+∂()0123456789\u00a0"].map((c) => c.codePointAt(0))),
    );
    expect(readWoff2(readFileSync(join(out, "KaTeX_Math-Italic.woff2"))).chars).toEqual(
      new Set([..." xy0123456789\u00a0"].map((c) => c.codePointAt(0))),
    );
  });

  it("writes the same bytes every build", async () => {
    const [a, b] = [
      mkdtempSync(join(tmpdir(), "gradbook-fonts-")),
      mkdtempSync(join(tmpdir(), "gradbook-fonts-")),
    ];
    await subsetFonts(FONTS, a, "abc");
    await subsetFonts(FONTS, b, "cba");
    for (const name of readdirSync(a))
      expect(readFileSync(join(a, name)).equals(readFileSync(join(b, name))), name).toBe(true);
  });
});
