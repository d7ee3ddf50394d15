import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { mathFonts } from "./fonts.ts";
import { useBrowserSites } from "./harness.ts";
import { screenshot } from "./results.ts";

// Reading a lesson in chromium: its math, its colour scheme, and search. (Every lesson page's
// math and figures are checked on the crawl's visit to it, in pages.test.ts.)

const sites = useBrowserSites();

describe("reading a lesson in a browser", () => {
  it("typesets math with KaTeX's own fonts", async (ctx) => {
    sites.needsChromium(ctx);
    await sites.withContext({}, async (context) => {
      const page = await context.newPage();
      await page.goto(sites.fixture.base + "01-figures-and-math.html");
      expect(await page.locator(".katex").count()).toBe(3);
      expect(await page.locator(".katex-error").count()).toBe(0);
      const box = await page.locator(".katex-display").boundingBox();
      expect(box!.height).toBeGreaterThan(30); // a fraction, laid out
      expect(
        await page.evaluate(
          `document.body.offsetHeight, document.fonts.ready.then(() => document.fonts.check("16px KaTeX_Main") && document.fonts.check("16px KaTeX_Math"))`,
        ),
      ).toBe(true);
      const { families } = await mathFonts(page);
      expect(families.KaTeX_Main).toBeGreaterThan(0);
      expect(families.KaTeX_Math).toBeGreaterThan(0);
    });
    // Every lesson page's math, glyph by glyph, and its figures: pages.test.ts, on its one visit to each page.
  });

  it("follows the system's colour scheme, and the toggle switches it — figures too — and remembers", async (ctx) => {
    sites.needsChromium(ctx);
    const url = sites.fixture.base + "01-figures-and-math.html";
    const colours = (page: Page) =>
      page.evaluate(
        `[getComputedStyle(document.documentElement).backgroundColor, getComputedStyle(document.querySelector("figure.lesson-figure svg")).color]`,
      );
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
      // Every lesson of the course is found, from the course's last lesson, by the longest word
      // of its title (read from the built page: the search needs no visit to it).
      await page.goto(course.base + course.report.lessons.at(-1)!);
      for (const href of course.report.lessons) {
        const { document } = parseHTML(readFileSync(join(course.dir, href), "utf8"));
        const title: string = document.querySelector("h1")!.textContent!;
        const word = title.split(/\W+/).sort((a, b) => b.length - a.length)[0]!;
        await page.fill("#search-input", word);
        // The first input loads the index, and the results follow; after that they follow each input at once.
        await page.locator(".search-results a").first().waitFor();
        const hits = await page.$$eval(".search-results a", (as) =>
          as.map((a) => a.getAttribute("href")),
        );
        expect(
          hits.some((h) => h!.startsWith(href)),
          `${word} → ${hits.join(", ")}`,
        ).toBe(true);
      }
    });
  });
});
