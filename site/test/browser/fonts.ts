import type { Page } from "playwright-core";

// Which fonts chromium really drew the typeset math with, glyph by glyph: a character missing
// from a (subset) KaTeX font falls back to a system font, still legible, so only the browser's
// own account of its text runs shows it (DevTools' CSS.getPlatformFontsForNode).

/** The fonts the page's math was drawn with, glyphs per family, and every element drawn (in part) with another font. */
export async function mathFonts(page: Page): Promise<{ families: Record<string, number>; fallbacks: string[] }> {
  await page.evaluate("document.fonts.ready.then(() => true)");
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send("DOM.enable");
    await cdp.send("CSS.enable");
    const { root } = await cdp.send("DOM.getDocument", { depth: 0 });
    const { nodeIds } = await cdp.send("DOM.querySelectorAll", { nodeId: root.nodeId, selector: ".katex-html *" });
    const families: Record<string, number> = {};
    const fallbacks: string[] = [];
    for (const nodeId of nodeIds) {
      // The fonts of the element's own text (its child text nodes).
      const { fonts } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId });
      for (const font of fonts) {
        families[font.familyName] = (families[font.familyName] ?? 0) + font.glyphCount;
        if (!font.isCustomFont || !font.familyName.startsWith("KaTeX_")) {
          const { outerHTML } = await cdp.send("DOM.getOuterHTML", { nodeId });
          fallbacks.push(`${font.glyphCount} glyph(s) in ${font.familyName}${font.isCustomFont ? "" : " (a system font)"}: ${outerHTML.slice(0, 160)}`);
        }
      }
    }
    return { families, fallbacks };
  } finally {
    await cdp.detach();
  }
}
