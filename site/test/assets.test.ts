import { readdirSync, readFileSync } from "node:fs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compactCss, copyKatex } from "../src/assets.ts";
import { contrastRatio, ensureContrast } from "../src/render/contrast.ts";
import { CODE_BACKGROUND, createCodeHighlighter } from "../src/render/highlight.ts";

// Assets shipped with the site, and the contrast of highlighted code.

describe("the site's assets", () => {
  it("ships KaTeX's stylesheet with woff2 fonts only, all of them present", async () => {
    const out = mkdtempSync(join(tmpdir(), "gradbook-katex-"));
    await copyKatex(out, "x");
    const css = readFileSync(join(out, "assets/katex/katex.min.css"), "utf8");
    const urls = [...css.matchAll(/url\(([^)]+)\)/g)].map((m) => m[1]!);
    expect(urls.length).toBeGreaterThan(15);
    expect(urls.every((u) => /^fonts\/KaTeX_[\w-]+\.woff2$/.test(u))).toBe(true);
    const fonts = readdirSync(join(out, "assets/katex/fonts"));
    for (const url of urls) expect(fonts).toContain(url.slice("fonts/".length));
  });

  it("compacts CSS without changing selectors", () => {
    expect(
      compactCss('/* why */\n:root:not([data-theme="light"]) .a b {\n  color: red;\n}\n'),
    ).toBe(':root:not([data-theme="light"]) .a b{color: red;}');
  });
});

describe("highlighted code", () => {
  it("computes WCAG contrast", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
  });

  it("moves a colour until it reads at 4.5:1 on its background, and leaves a readable one alone", () => {
    expect(contrastRatio(ensureContrast("#8b949e", "#f6f8fa"), "#f6f8fa")).toBeGreaterThanOrEqual(
      4.5,
    );
    expect(contrastRatio(ensureContrast("#444c56", "#161b22"), "#161b22")).toBeGreaterThanOrEqual(
      4.5,
    );
    expect(ensureContrast("#1f2328", "#f6f8fa")).toBe("#1f2328");
  });

  it("checks token colours against the code backgrounds the stylesheet really uses", () => {
    const css = readFileSync(new URL("../src/styles/site.css", import.meta.url), "utf8");
    const [, light, dark] =
      /--code-bg: light-dark\((#[0-9a-f]{6}), (#[0-9a-f]{6})\);/.exec(css) ?? [];
    expect({ light, dark }).toEqual(CODE_BACKGROUND);
  });

  it("gives every token class a readable colour in both themes", async () => {
    const highlighter = await createCodeHighlighter();
    highlighter.highlight(
      "// a comment\nconst x: number = 1; /** doc */ console.log(`t${x}`, /re/g);",
      "ts",
    );
    const css = highlighter.css();
    const colours = [...css.matchAll(/--shiki-(light|dark):(#[0-9a-f]{6})/gi)];
    expect(colours.length).toBeGreaterThanOrEqual(8);
    for (const [, theme, colour] of colours)
      expect(
        contrastRatio(colour!, CODE_BACKGROUND[theme as "light" | "dark"]),
      ).toBeGreaterThanOrEqual(4.5);
  });

  it("leaves text in the theme's own colour unwrapped, and gives other tokens a short class", async () => {
    const highlighter = await createCodeHighlighter();
    expect(highlighter.highlight("x;", "ts")).toBe(
      '<pre class="shiki" tabindex="0"><code><span class="line">x;</span></code></pre>',
    );
    expect(highlighter.highlight("1", "ts")).toMatch(
      /^<pre class="shiki" tabindex="0"><code><span class="line"><span class="t\d+">1<\/span><\/span><\/code><\/pre>$/,
    );
  });
});
