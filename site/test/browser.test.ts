import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, type TestContext } from "vitest";
import { seriousViolations } from "./browser/axe.ts";
import { hasChromium, inContext, launch, NO_CHROMIUM } from "./browser/chromium.ts";
import { mathFonts } from "./browser/fonts.ts";
import { courseSite, fixtureSite, ROOT, type ServedSite } from "./browser/sites.ts";
import { mapLimit } from "./browser/pool.ts";
import { RUN_FINISHED, runInPage } from "./browser/run.ts";
import { brokenLinks, visit, type Visit } from "./browser/visit.ts";
import { describeWeight, weighLessonPages } from "./browser/weight.ts";

// The built site in a real browser: the course's own pages and a fixture course with math,
// figures and code to run. Without chromium every test skips with a note on how to install it
// (and CI, which treats a skip as a failure, installs it).

const RESULTS = join(ROOT, "site/test-results");
const available = hasChromium();
let browser: Browser;
let course: ServedSite;
let fixture: ServedSite;
const visits = new Map<string, Visit>(); // by URL, from the crawl in the first test
const lightViolations: string[] = []; // axe's findings during that crawl

beforeAll(async () => {
  if (!available) return;
  [browser, course, fixture] = await Promise.all([launch(), courseSite(), fixtureSite()]);
  mkdirSync(RESULTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  course?.server.close();
  fixture?.server.close();
});

const needsChromium = (ctx: TestContext) => {
  if (!available) ctx.skip(NO_CHROMIUM);
};
const both = () => [course, fixture];
const lessonUrls = (site: ServedSite) => site.report.lessons.map((href) => site.base + href);

const SAME = "Your browser printed the same";
/** What a lesson page may weigh as sent, before its optional JavaScript: the site's issue. */
const PAGE_BUDGET = 100 * 1024;
const withContext = <T>(options: BrowserContextOptions, work: (context: BrowserContext) => Promise<T>) => inContext(browser, options, work);

describe("the site in a browser", () => {
  it("loads every page with no console errors, no failed requests and no request leaving the site", async (ctx) => {
    needsChromium(ctx);
    const context = await browser.newContext();
    const problems: string[] = [];
    const pages = both().flatMap((site) => site.report.pages.filter((p) => p !== "404.html").map((path) => ({ site, path })));
    await mapLimit(pages, 4, async ({ site, path }) => {
      const result = await visit(context, site.base + path, site.base);
      visits.set(site.base + path, result);
      problems.push(...result.problems.map((p) => `${site.base}${path}: ${p}`));
      // The page is loaded: run axe's full check (light scheme) now, the axe test reports it.
      lightViolations.push(...(await seriousViolations(result.page)).map((v) => `light ${site.base}${path}: ${v}`));
      await result.page.close();
    });
    await context.close();
    expect(problems).toEqual([]);
    expect(visits.size).toBe(course.report.pages.length + fixture.report.pages.length - 2);
  });

  it("resolves every internal link and anchor", async (ctx) => {
    needsChromium(ctx);
    const broken = await brokenLinks(visits);
    expect(broken).toEqual([]);
  });

  it("answers a missing page with the site's 404 page, styled", async (ctx) => {
    needsChromium(ctx);
    await withContext({}, async (context) => {
      const page = await context.newPage();
      const response = await page.goto(course.base + "no/such/page.html");
      expect(response!.status()).toBe(404);
      expect(await page.textContent("h1")).toBe("Page not found");
      expect(await page.evaluate("getComputedStyle(document.body).margin")).toBe("0px"); // the stylesheet loaded
    });
  });

  it("typesets math with KaTeX's own fonts, every glyph of it (none falls back to a system font), and leaves no TeX unrendered", async (ctx) => {
    needsChromium(ctx);
    await withContext({}, async (context) => {
      const page = await context.newPage();
      await page.goto(fixture.base + "01-figures-and-math.html", { waitUntil: "networkidle" });
      expect(await page.locator(".katex").count()).toBe(3);
      expect(await page.locator(".katex-error").count()).toBe(0);
      const box = await page.locator(".katex-display").boundingBox();
      expect(box!.height).toBeGreaterThan(30); // a fraction, laid out
      expect(await page.evaluate(`document.fonts.ready.then(() => document.fonts.check("16px KaTeX_Main") && document.fonts.check("16px KaTeX_Math"))`)).toBe(true);
      const { families } = await mathFonts(page);
      expect(families.KaTeX_Main).toBeGreaterThan(0);
      expect(families.KaTeX_Math).toBeGreaterThan(0);
      // The fonts are subsets (src/fonts.ts): a character the build missed would be drawn from a
      // system font, legible but not KaTeX's. Every page's math, glyph by glyph.
      for (const url of [...lessonUrls(course), ...lessonUrls(fixture)]) {
        await page.goto(url);
        expect(await page.locator("main").innerText(), url).not.toMatch(/\$\$|\\frac|\\partial|\\cdot/);
        expect(await page.evaluate(`[...document.querySelectorAll(".katex-html")].filter((k) => k.getBoundingClientRect().width === 0).length`), url).toBe(0);
        expect((await mathFonts(page)).fallbacks, url).toEqual([]);
      }
    });
  }, 90_000);

  it("shows each lesson's recorded figures inline, each with a text alternative", async (ctx) => {
    needsChromium(ctx);
    expect(fixture.report.figures).toEqual({ "01-figures-and-math.html": 2, "02-running.html": 0, "03-time-limit.html": 0 });
    await withContext({}, async (context) => {
      const page = await context.newPage();
      for (const site of both()) {
        for (const href of site.report.lessons) {
          await page.goto(site.base + href);
          const figures = await page.locator("figure.lesson-figure").all();
          expect(figures.length, href).toBe(site.report.figures[href]);
          for (const figure of figures) {
            const svg = figure.locator("svg").first();
            const box = await svg.boundingBox();
            expect(box!.width * box!.height, href).toBeGreaterThan(1000);
            expect((await figure.locator("figcaption").innerText()).trim(), href).not.toBe("");
            expect(await svg.evaluate((s) => s.getAttribute("aria-label") ?? s.querySelector("title")?.textContent ?? ""), href).not.toBe("");
          }
        }
      }
    });
  });

  it("follows the system's colour scheme, and the toggle switches it — figures too — and remembers", async (ctx) => {
    needsChromium(ctx);
    const url = fixture.base + "01-figures-and-math.html";
    const colours = (page: Page) => page.evaluate(`[getComputedStyle(document.documentElement).backgroundColor, getComputedStyle(document.querySelector("figure.lesson-figure svg")).color]`);
    await withContext({ colorScheme: "light" }, async (context) => {
      const page = await context.newPage();
      await page.goto(url);
      expect(await colours(page)).toEqual(["rgb(255, 255, 255)", "rgb(31, 35, 40)"]);
      await page.click("#theme-toggle");
      expect(await colours(page)).toEqual(["rgb(13, 17, 23)", "rgb(230, 237, 243)"]);
      expect(await page.textContent("#theme-toggle .theme-label")).toBe("Light theme");
      await page.reload();
      expect(await colours(page)).toEqual(["rgb(13, 17, 23)", "rgb(230, 237, 243)"]);
    });
    await withContext({ colorScheme: "dark" }, async (context) => {
      const page = await context.newPage();
      await page.goto(url);
      expect(await colours(page)).toEqual(["rgb(13, 17, 23)", "rgb(230, 237, 243)"]);
      await page.screenshot({ path: join(RESULTS, "fixture-lesson-dark.png"), fullPage: true });
    });
  });

  it("finds a lesson by a word in it and goes to the section that holds it", async (ctx) => {
    needsChromium(ctx);
    await withContext({}, async (context) => {
      const page = await context.newPage();
      await page.goto(fixture.base + "index.html");
      await page.fill("#search-input", "quaternion");
      const first = page.locator(".search-results a").first();
      expect(await first.getAttribute("href")).toBe("02-running.html#searchable-words");
      await first.click();
      await page.waitForURL(/02-running\.html#searchable-words$/);
      // Every lesson of the course is found by the longest word of its title.
      for (const href of course.report.lessons) {
        await page.goto(course.base + href);
        const word = (await page.textContent("h1"))!.split(/\W+/).sort((a, b) => b.length - a.length)[0]!;
        await page.fill("#search-input", word);
        await page.locator(".search-results a").first().waitFor();
        const hits = await page.$$eval(".search-results a", (as) => as.map((a) => a.getAttribute("href")));
        expect(hits.some((h) => h!.startsWith(href)), `${word} → ${hits.join(", ")}`).toBe(true);
      }
    });
  });

  it("has no serious or critical accessibility violations (axe), in light and in dark", async (ctx) => {
    needsChromium(ctx);
    // Every rule ran on every page in the light scheme during the crawl. Dark mode changes only
    // colours, and those come from the stylesheet the pages share: check them on pages that hold
    // every kind of block (the fixture lessons), the front page, and a page of each other kind.
    const found = [...lightViolations];
    expect(visits.size).toBeGreaterThan(0);
    const samples = [...lessonUrls(fixture), course.base + "index.html", course.base + "api/index.html", lessonUrls(course)[0]!, ...course.report.pages.filter((p) => /^api\/(?!index)/.test(p)).slice(0, 1).map((p) => course.base + p)];
    await withContext({ colorScheme: "dark" }, (context) =>
      mapLimit(samples, 3, async (url) => {
        const page = await context.newPage();
        await page.goto(url);
        found.push(...(await seriousViolations(page, ["color-contrast", "link-in-text-block"])).map((v) => `dark ${url}: ${v}`));
        await page.close();
      }),
    );
    expect(found).toEqual([]);
    await withContext({ colorScheme: "light" }, async (context) => {
      const page = await context.newPage();
      await page.goto(lessonUrls(course)[0]!);
      await page.screenshot({ path: join(RESULTS, "lesson-light.png"), fullPage: true });
    });
  }, 120_000);

  it("runs a lesson's code in a worker and shows what each block printed, beside the recorded output", async (ctx) => {
    needsChromium(ctx);
    await withContext({}, async (context) => {
      // Every lesson prints in the page exactly what Node printed: the library computes its
      // elementary functions itself, the same in every engine.
      await mapLimit([...lessonUrls(fixture).slice(0, 2), ...lessonUrls(course)], 2, async (url) => {
        const page = await context.newPage();
        const run = await runInPage(page, url);
        await page.close();
        if (!run) return; // a lesson without code to run
        expect(run.status, url).toMatch(/^Ran in \d+ ms\.$/);
        expect(run.labels.length, url).toBe(run.blocks);
        expect(run.labels.filter((l) => l !== SAME), `${url}: ${run.differences.join("\n")}`).toEqual([]);
      });
      const page = await context.newPage();
      await page.goto(fixture.base + "01-figures-and-math.html");
      await page.click(".run-button");
      await page.locator(".run-result figure svg").nth(1).waitFor();
    });
  });

  it("stops a run at its time limit while the page stays responsive", async (ctx) => {
    needsChromium(ctx);
    await withContext({}, async (context) => {
      const page = await context.newPage();
      await page.goto(fixture.base + "03-time-limit.html");
      const started = Date.now();
      await page.click(".run-button");
      await page.waitForTimeout(300);
      expect(await page.evaluate(`!(${RUN_FINISHED})`)).toBe(true); // still running…
      expect(await page.evaluate(() => 6 * 7)).toBe(42); // …and the page answers
      await page.waitForFunction(RUN_FINISHED);
      expect(await page.textContent(".run-status")).toBe("Stopped after 1.5 s: the block at line 10 printed nothing and reported no progress in that time.");
      expect(Date.now() - started).toBeLessThan(5000);
    });
  });

  it("reads fully with JavaScript off; every lesson page weighs under 100 KB before any JavaScript", async (ctx) => {
    needsChromium(ctx);
    await withContext({ javaScriptEnabled: false }, async (context) => {
      const page = await context.newPage();
      for (const url of [...lessonUrls(course), ...lessonUrls(fixture)]) {
        await page.goto(url);
        expect(await page.locator("main h1").isVisible(), url).toBe(true);
        expect(await page.locator("form.search").isVisible(), url).toBe(false);
        expect(await page.locator(".run-button").count(), url).toBe(0);
        expect(await page.locator(".code pre").count(), url).toBeGreaterThan(0);
      }
    });
    // HTML + CSS + the fonts it loads, as sent (text gzipped); the optional JavaScript apart. The
    // budget holds on every lesson page, the course's and the fixture's (its frame and styles with
    // math, figures and every kind of block); the weights go to test-results/page-weight.json.
    const { pages, report } = await weighLessonPages(browser, [...lessonUrls(fixture), ...lessonUrls(course)]);
    writeFileSync(join(RESULTS, "page-weight.json"), JSON.stringify(report, null, 1) + "\n");
    for (const { url, js } of pages) expect(js, url).toBe(0);
    const over = pages.filter((p) => p.transferred >= PAGE_BUDGET).map((p) => `${p.url}: ${(p.transferred / 1024).toFixed(1)} KB (${describeWeight(p.weight)})`);
    expect(over, `lesson pages over ${PAGE_BUDGET / 1024} KB as sent (HTML + CSS + fonts)`).toEqual([]);
  });
});
