import type { Page } from "playwright-core";
import { mathFonts } from "./fonts.ts";

// What a loaded lesson page shows of its math and its figures, read on the crawl's one visit to
// each page (./pages.test.ts): a long lesson takes a while to load and lay out.

export interface LessonRead {
  /** The page's text: no TeX may be left in it unrendered. */
  text: string;
  /** Typeset formulas drawn with no width. */
  emptyMath: number;
  /** Math glyphs drawn from a font other than KaTeX's (the fonts are subsets: src/fonts.ts). */
  fallbacks: string[];
  /** Each recorded figure: the area of its drawing, its caption and its text alternative. */
  figures: { area: number; caption: string; label: string }[];
}

/** Reads the math and the figures of the lesson loaded in `page`. */
export async function readLesson(page: Page): Promise<LessonRead> {
  const figures: LessonRead["figures"] = [];
  for (const figure of await page.locator("figure.lesson-figure").all()) {
    const svg = figure.locator("svg").first();
    const box = await svg.boundingBox();
    figures.push({
      area: box ? box.width * box.height : 0,
      caption: (await figure.locator("figcaption").innerText()).trim(),
      label: await svg.evaluate(
        (s) => s.getAttribute("aria-label") ?? s.querySelector("title")?.textContent ?? "",
      ),
    });
  }
  return {
    text: await page.locator("main").innerText(),
    emptyMath: (await page.evaluate(
      `[...document.querySelectorAll(".katex-html")].filter((k) => k.getBoundingClientRect().width === 0).length`,
    )) as number,
    fallbacks: (await mathFonts(page)).fallbacks,
    figures,
  };
}
