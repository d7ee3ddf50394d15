import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import type { SharedSite } from "./harness.ts";
import { ROOT } from "./sites.ts";

// What the browser tests leave for a person to look at (site/test-results), and the URLs they visit.

/** Where screenshots and the page-weight report go. */
export const RESULTS = join(ROOT, "site/test-results");

/** Saves a full-page screenshot as test-results/`name`. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(RESULTS, { recursive: true });
  await page.screenshot({ path: join(RESULTS, name), fullPage: true });
}

/** The URLs of a site's lesson pages, in course order. */
export const lessonUrls = (site: SharedSite): string[] =>
  site.report.lessons.map((href) => site.base + href);
