import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { mathFonts } from "./fonts.ts";
import { type SharedSite, useBrowserSites } from "./harness.ts";
import { screenshot } from "./results.ts";

// Reading a lesson in chromium: its math, its figures, its colour scheme, and search.

const sites = useBrowserSites();

/** What one visit to a lesson page showed of its math and its figures. */
interface LessonRead {
  url: string;
  site: SharedSite;
  href: string;
  /** The page's text: no TeX may be left in it unrendered. */
  text: string;
  /** Typeset formulas drawn with no width. */
  emptyMath: number;
  /** Math glyphs drawn from a font other than KaTeX's. */
  fallbacks: string[];
  figures: { area: number; caption: string; label: string }[];
}

// Both tests below read every lesson page, and a long lesson takes a while to load and lay out:
// the first test to ask visits each page once, for both.
let reads: Promise<LessonRead[]> | undefined;
const readLessons = () =>
  (reads ??= sites.withContext({}, async (context) => {
    const page = await context.newPage();
    const found: LessonRead[] = [];
    for (const site of [sites.course, sites.fixture]) {
      for (const href of site.report.lessons) {
        const url = site.base + href;
        await page.goto(url);
        const figures = [];
        for (const figure of await page.locator("figure.lesson-figure").all()) {
          const svg = figure.locator("svg").first();
          const box = await svg.boundingBox();
          figures.push({
            area: box ? box.width * box.height : 0,
            caption: (await figure.locator("figcaption").innerText()).trim(),
            label: await svg.evaluate((s) => s.getAttribute("aria-label") ?? s.querySelector("title")?.textContent ?? ""),
          });
        }
        found.push({
          url,
          site,
          href,
          text: await page.locator("main").innerText(),
          emptyMath: (await page.evaluate(`[...document.querySelectorAll(".katex-html")].filter((k) => k.getBoundingClientRect().width === 0).length`)) as number,
          fallbacks: (await mathFonts(page)).fallbacks,
          figures,
        });
      }
    }
    return found;
  }));

describe("reading a lesson in a browser", () => {
  it("typesets math with KaTeX's own fonts, every glyph of it (none falls back to a system font), and leaves no TeX unrendered", async (ctx) => {
    sites.needsChromium(ctx);
    await sites.withContext({}, async (context) => {
      const page = await context.newPage();
      await page.goto(sites.fixture.base + "01-figures-and-math.html");
      expect(await page.locator(".katex").count()).toBe(3);
      expect(await page.locator(".katex-error").count()).toBe(0);
      const box = await page.locator(".katex-display").boundingBox();
      expect(box!.height).toBeGreaterThan(30); // a fraction, laid out
      expect(await page.evaluate(`document.body.offsetHeight, document.fonts.ready.then(() => document.fonts.check("16px KaTeX_Main") && document.fonts.check("16px KaTeX_Math"))`)).toBe(true);
      const { families } = await mathFonts(page);
      expect(families.KaTeX_Main).toBeGreaterThan(0);
      expect(families.KaTeX_Math).toBeGreaterThan(0);
    });
    // The fonts are subsets (src/fonts.ts): a character the build missed would be drawn from a
    // system font, legible but not KaTeX's. Every page's math, glyph by glyph.
    const read = await readLessons();
    expect(read.length).toBe(sites.course.report.lessons.length + sites.fixture.report.lessons.length);
    for (const { url, text, emptyMath, fallbacks } of read) {
      expect(text, url).not.toMatch(/\$\$|\\frac|\\partial|\\cdot/);
      expect(emptyMath, url).toBe(0);
      expect(fallbacks, url).toEqual([]);
    }
  });

  it("shows each lesson's recorded figures inline, each with a text alternative", async (ctx) => {
    sites.needsChromium(ctx);
    expect(sites.fixture.report.figures).toEqual({ "01-figures-and-math.html": 2, "02-running.html": 0, "03-time-limit.html": 0 });
    for (const { href, site, figures } of await readLessons()) {
      expect(figures.length, href).toBe(site.report.figures[href]);
      for (const { area, caption, label } of figures) {
        expect(area, href).toBeGreaterThan(1000);
        expect(caption, href).not.toBe("");
        expect(label, href).not.toBe("");
      }
    }
  });

  it("follows the system's colour scheme, and the toggle switches it — figures too — and remembers", async (ctx) => {
    sites.needsChromium(ctx);
    const url = sites.fixture.base + "01-figures-and-math.html";
    const colours = (page: Page) => page.evaluate(`[getComputedStyle(document.documentElement).backgroundColor, getComputedStyle(document.querySelector("figure.lesson-figure svg")).color]`);
    await sites.withContext({ colorScheme: "light" }, async (context) => {
      const page = await context.newPage();
      await page.goto(url);
      expect(await colours(page)).toEqual(["rgb(255, 255, 255)", "rgb(31, 35, 40)"]);
      await page.click("#theme-toggle");
      expect(await colours(page)).toEqual(["rgb(13, 17, 23)", "rgb(230, 237, 243)"]);
      expect(await page.textContent("#theme-toggle .theme-label")).toBe("Light theme");
      await page.reload();
      expect(await colours(page)).toEqual(["rgb(13, 17, 23)", "rgb(230, 237, 243)"]);
    });
    await sites.withContext({ colorScheme: "dark" }, async (context) => {
      const page = await context.newPage();
      await page.goto(url);
      expect(await colours(page)).toEqual(["rgb(13, 17, 23)", "rgb(230, 237, 243)"]);
      await screenshot(page, "fixture-lesson-dark.png");
    });
  });

  it("finds a lesson by a word in it and goes to the section that holds it", async (ctx) => {
    sites.needsChromium(ctx);
    const { course, fixture } = sites;
    await sites.withContext({}, async (context) => {
      const page = await context.newPage();
      await page.goto(fixture.base + "index.html");
      await page.fill("#search-input", "quaternion");
      const first = page.locator(".search-results a").first();
      expect(await first.getAttribute("href")).toBe("02-running.html#searchable-words");
      await first.click();
      await page.waitForURL(/02-running\.html#searchable-words$/);
      // Every lesson of the course is found, from the course's front page, by the longest word of
      // its title (read from the built page: the search needs no visit to it).
      await page.goto(course.base + "index.html");
      for (const href of course.report.lessons) {
        const { document } = parseHTML(readFileSync(join(course.dir, href), "utf8"));
        const title: string = document.querySelector("h1")!.textContent!;
        const word = title.split(/\W+/).sort((a, b) => b.length - a.length)[0]!;
        await page.fill("#search-input", word);
        // The first input loads the index, and the results follow; after that they follow each input at once.
        await page.locator(".search-results a").first().waitFor();
        const hits = await page.$$eval(".search-results a", (as) => as.map((a) => a.getAttribute("href")));
        expect(hits.some((h) => h!.startsWith(href)), `${word} → ${hits.join(", ")}`).toBe(true);
      }
    });
  });
});
