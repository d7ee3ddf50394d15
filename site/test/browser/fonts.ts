import type { Page } from "playwright-core";

// Which fonts chromium really drew the typeset math with, glyph by glyph: a character missing
// from a (subset) KaTeX font falls back to a system font, still legible, so only the browser's
// own account of its text runs shows it (DevTools' CSS.getPlatformFontsForNode).

/** Marks the math's elements that hold text of their own: only those are drawn with a font. */
const MARK_TEXT = `[...document.querySelectorAll(".katex-html *")].filter((e) => [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())).forEach((e) => e.setAttribute("data-font-check", ""))`;

/** The fonts the page's math was drawn with, glyphs per family, and every element drawn (in part) with another font. */
export async function mathFonts(
  page: Page,
): Promise<{ families: Record<string, number>; fallbacks: string[] }> {
  // Lay the page out first: fonts are asked for only then, and `ready` waits only for those asked.
  await page.evaluate(
    `document.body.offsetHeight, document.fonts.ready.then(() => { ${MARK_TEXT}; })`,
  );
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send("DOM.enable");
    await cdp.send("CSS.enable");
    const { root } = await cdp.send("DOM.getDocument", { depth: 0 });
    const { nodeIds } = await cdp.send("DOM.querySelectorAll", {
      nodeId: root.nodeId,
      selector: "[data-font-check]",
    });
    // One question per element, all sent at once: DevTools answers them in turn without waiting
    // for a round trip each.
    const answers = await Promise.all(
      nodeIds.map((nodeId) =>
        cdp
          .send("CSS.getPlatformFontsForNode", { nodeId })
          .then(({ fonts }) => ({ nodeId, fonts })),
      ),
    );
    const families: Record<string, number> = {};
    const fallbacks: string[] = [];
    for (const { nodeId, fonts } of answers) {
      // The fonts of the element's own text (its child text nodes).
      for (const font of fonts) {
        families[font.familyName] = (families[font.familyName] ?? 0) + font.glyphCount;
        if (!font.isCustomFont || !font.familyName.startsWith("KaTeX_")) {
          const { outerHTML } = await cdp.send("DOM.getOuterHTML", { nodeId });
          fallbacks.push(
            `${font.glyphCount} glyph(s) in ${font.familyName}${font.isCustomFont ? "" : " (a system font)"}: ${outerHTML.slice(0, 160)}`,
          );
        }
      }
    }
    return { families, fallbacks };
  } finally {
    await cdp.detach();
  }
}
