import { describe, expect, it } from "vitest";
import { seriousViolations } from "./axe.ts";
import { type SharedSite, useBrowserSites } from "./harness.ts";
import { type LessonRead, readLesson } from "./lesson-read.ts";
import { mapLimit } from "./pool.ts";
import { lessonUrls, screenshot } from "./results.ts";
import { brokenLinks, visit, type Visit } from "./visit.ts";

// Every page of the built sites (the course's and the fixture course's) in chromium: what went
// wrong while loading it, its links, a lesson's math and figures, the 404 page, and axe's
// accessibility check. One visit to each page serves every check.

const sites = useBrowserSites();
const visits = new Map<string, Visit>(); // by URL, from the crawl in the first test
const lightViolations: string[] = []; // axe's findings during that crawl
const lessons: (LessonRead & { url: string; site: SharedSite; href: string })[] = []; // every lesson page's, from the crawl

/** What the crawl read of every lesson page of both sites (it fails if the crawl missed one). */
function lessonReads() {
  expect(lessons.length).toBe(
    sites.course.report.lessons.length + sites.fixture.report.lessons.length,
  );
  return lessons;
}

describe("every page in a browser", () => {
  it("loads every page with no console errors, no failed requests and no request leaving the site", async (ctx) => {
    sites.needsChromium(ctx);
    const { course, fixture } = sites;
    const pages = [course, fixture].flatMap((site) =>
      site.report.pages.filter((p) => p !== "404.html").map((path) => ({ site, path })),
    );
    const problems: string[] = [];
    await sites.withContext({}, (context) =>
      mapLimit(pages, 4, async ({ site, path }) => {
        const result = await visit(context, site.base + path, site.base);
        visits.set(site.base + path, result);
        problems.push(...result.problems.map((p) => `${site.base}${path}: ${p}`));
        if (site.report.lessons.includes(path))
          lessons.push({
            ...(await readLesson(result.page)),
            url: site.base + path,
            site,
            href: path,
          });
        // The page is loaded: run axe's full check (light scheme) now, the axe test reports it.
        lightViolations.push(
          ...(await seriousViolations(result.page)).map((v) => `light ${site.base}${path}: ${v}`),
        );
        await result.page.close();
      }),
    );
    expect(problems).toEqual([]);
    expect(visits.size).toBe(pages.length);
  });

  it("resolves every internal link and anchor", async (ctx) => {
    sites.needsChromium(ctx);
    expect(visits.size).toBeGreaterThan(0);
    expect(await brokenLinks(visits)).toEqual([]);
  });

  it("typesets every lesson's math with KaTeX's own fonts, every glyph of it (none falls back to a system font), and leaves no TeX unrendered", async (ctx) => {
    sites.needsChromium(ctx);
    for (const { url, text, emptyMath, fallbacks } of lessonReads()) {
      expect(text, url).not.toMatch(/\$\$|\\frac|\\partial|\\cdot/);
      expect(emptyMath, url).toBe(0);
      expect(fallbacks, url).toEqual([]);
    }
  });

  it("shows each lesson's recorded figures inline, each with a text alternative", async (ctx) => {
    sites.needsChromium(ctx);
    expect(sites.fixture.report.figures).toEqual({
      "01-figures-and-math.html": 2,
      "02-running.html": 0,
      "03-time-limit.html": 0,
    });
    for (const { href, site, figures } of lessonReads()) {
      expect(figures.length, href).toBe(site.report.figures[href]);
      for (const { area, caption, label } of figures) {
        expect(area, href).toBeGreaterThan(1000);
        expect(caption, href).not.toBe("");
        expect(label, href).not.toBe("");
      }
    }
  });

  it("answers a missing page with the site's 404 page, styled", async (ctx) => {
    sites.needsChromium(ctx);
    await sites.withContext({}, async (context) => {
      const page = await context.newPage();
      const response = await page.goto(sites.course.base + "no/such/page.html");
      expect(response!.status()).toBe(404);
      expect(await page.textContent("h1")).toBe("Page not found");
      expect(await page.evaluate("getComputedStyle(document.body).margin")).toBe("0px"); // the stylesheet loaded
    });
  });

  it("has no serious or critical accessibility violations (axe), in light and in dark", async (ctx) => {
    sites.needsChromium(ctx);
    const { course, fixture } = sites;
    // Every rule ran on every page in the light scheme during the crawl. Dark mode changes only
    // colours, and those come from the stylesheet the pages share: check them on pages that hold
    // every kind of block (the fixture lessons), the front page, and a page of each other kind.
    const found = [...lightViolations];
    expect(visits.size).toBeGreaterThan(0);
    const samples = [
      ...lessonUrls(fixture),
      course.base + "index.html",
      course.base + "api/index.html",
      lessonUrls(course)[0]!,
      ...course.report.pages
        .filter((p) => /^api\/(?!index)/.test(p))
        .slice(0, 1)
        .map((p) => course.base + p),
    ];
    await sites.withContext({ colorScheme: "dark" }, (context) =>
      mapLimit(samples, 3, async (url) => {
        const page = await context.newPage();
        await page.goto(url);
        found.push(
          ...(await seriousViolations(page, ["color-contrast", "link-in-text-block"])).map(
            (v) => `dark ${url}: ${v}`,
          ),
        );
        await page.close();
      }),
    );
    expect(found).toEqual([]);
    await sites.withContext({ colorScheme: "light" }, async (context) => {
      const page = await context.newPage();
      await page.goto(lessonUrls(course)[0]!);
      await screenshot(page, "lesson-light.png");
    });
  });
});
