import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useBrowserSites } from "./harness.ts";
import { lessonUrls, RESULTS } from "./results.ts";
import { describeWeight, weighLessonPages } from "./weight.ts";

// A lesson page without its optional JavaScript: it reads fully, and it is light.

const sites = useBrowserSites();
/** What a lesson page may weigh as sent, before its optional JavaScript: the site's issue. */
const PAGE_BUDGET = 100 * 1024;

describe("a lesson page without JavaScript", () => {
  it("reads fully with JavaScript off; every lesson page weighs under 100 KB before any JavaScript", async (ctx) => {
    sites.needsChromium(ctx);
    const { course, fixture } = sites;
    // HTML + CSS + the fonts it loads, as sent (text gzipped); the optional JavaScript apart. The
    // budget holds on every lesson page, the course's and the fixture's (its frame and styles with
    // math, figures and every kind of block); the weights go to test-results/page-weight.json.
    // Each page is read as it was weighed, without JavaScript.
    const read = new Set<string>();
    const { pages, report } = await weighLessonPages(
      sites.browser,
      [...lessonUrls(fixture), ...lessonUrls(course)],
      async (page, url) => {
        expect(await page.locator("main h1").isVisible(), url).toBe(true);
        expect(await page.locator("form.search").isVisible(), url).toBe(false);
        expect(await page.locator(".run-button").count(), url).toBe(0);
        expect(await page.locator(".code pre").count(), url).toBeGreaterThan(0);
        read.add(url);
      },
    );
    expect(read.size).toBe(pages.length);
    mkdirSync(RESULTS, { recursive: true });
    writeFileSync(join(RESULTS, "page-weight.json"), JSON.stringify(report, null, 1) + "\n");
    for (const { url, js } of pages) expect(js, url).toBe(0);
    const over = pages
      .filter((p) => p.transferred >= PAGE_BUDGET)
      .map(
        (p) => `${p.url}: ${(p.transferred / 1024).toFixed(1)} KB (${describeWeight(p.weight)})`,
      );
    expect(over, `lesson pages over ${PAGE_BUDGET / 1024} KB as sent (HTML + CSS + fonts)`).toEqual(
      [],
    );
  });
});
