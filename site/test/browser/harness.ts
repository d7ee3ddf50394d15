import { get } from "node:http";
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
} from "playwright-core";
import { afterAll, beforeAll, inject, type TestContext } from "vitest";
import type { BuildReport } from "../../src/site.ts";
import { inContext } from "./chromium.ts";

/**
 * What every browser test file shares: one chromium and one build of each site per test run,
 * made by the browser project's globalSetup (./global-setup.ts) while other tests run.
 *
 * A new browser test file is `site/test/browser/NAME.test.ts` (the `browser` project runs every
 * `*.test.ts` in this folder) and starts like this:
 *
 * ```ts
 * import { describe, expect, it } from "vitest";
 * import { useBrowserSites } from "./harness.ts";
 *
 * const sites = useBrowserSites(); // waits for the builds in its beforeAll
 *
 * describe("the thing in a browser", () => {
 *   it("does what it should", async (ctx) => {
 *     sites.needsChromium(ctx); // skips with a note on how to install chromium
 *     await sites.withContext({}, async (context) => {
 *       const page = await context.newPage();
 *       await page.goto(sites.fixture.base + "01-figures-and-math.html");
 *       // …
 *     });
 *   });
 * });
 * ```
 *
 * `sites.course` is the course's site, `sites.fixture` the fixture course's
 * (site/test/fixtures/course); each has its `base` URL and its build `report`. Close what you
 * open (contexts, pages); never close `sites.browser`, the other files use it too. Wait for
 * events (a selector, a function in the page), never for a time: the machine may be busy.
 */

/** A site built and served for the run. */
export interface SharedSite {
  base: string;
  /** The folder it is served from. */
  dir: string;
  report: BuildReport;
}

/** What the globalSetup made, as its control server sends it. */
export interface Shared {
  wsEndpoint: string;
  /** Absent when GRADBOOK_BROWSER_SITES=fixture. */
  course?: SharedSite;
  fixture: SharedSite;
}

export interface BrowserSites {
  readonly browser: Browser;
  readonly course: SharedSite;
  readonly fixture: SharedSite;
  /** Skips the test, with why and how to fix it, when there is no chromium. */
  needsChromium(ctx: TestContext): void;
  /** Runs `work` in a fresh browser context (its own storage and colour scheme), then closes it. */
  withContext<T>(
    options: BrowserContextOptions,
    work: (context: BrowserContext) => Promise<T>,
  ): Promise<T>;
}

/** Connects the test file to the shared chromium and sites (in beforeAll), and disconnects after. */
export function useBrowserSites(): BrowserSites {
  const skip = inject("browserSkip");
  let shared: Shared | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    if (skip) return;
    const answer = JSON.parse(await waitForBody(inject("browserControl"))) as
      | Shared
      | { error: string };
    if ("error" in answer)
      throw new Error(`the sites for the browser tests were not built: ${answer.error}`);
    shared = answer;
    browser = await chromium.connect(shared.wsEndpoint);
  });
  afterAll(async () => {
    await browser?.close(); // a connected browser only disconnects: the globalSetup closes chromium
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined)
      throw new Error(
        "useBrowserSites: the shared sites are there only in tests, after its beforeAll",
      );
    return value;
  };
  return {
    get browser() {
      return ready(browser);
    },
    get course() {
      const { course } = ready(shared);
      if (!course)
        throw new Error(
          "useBrowserSites: the course's site was not built (GRADBOOK_BROWSER_SITES=fixture)",
        );
      return course;
    },
    get fixture() {
      return ready(shared).fixture;
    },
    needsChromium(ctx) {
      if (skip) ctx.skip(skip);
    },
    withContext(options, work) {
      return inContext(ready(browser), options, work);
    },
  };
}

/** The body of a GET, however long it takes (fetch would give up after 5 minutes on a busy machine). */
function waitForBody(url: string): Promise<string> {
  return new Promise((done, fail) => {
    get(url, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => done(body));
      response.on("error", fail);
    }).on("error", fail);
  });
}
