import { createServer, type Server } from "node:http";
import { chromium, type BrowserServer } from "playwright-core";
import type { TestProject } from "vitest/node";
import { listen } from "../../src/serve.ts";
import { CHROMIUM, CHROMIUM_ARGS, hasChromium, NO_CHROMIUM } from "./chromium.ts";
import { SUITE_RECORDS } from "@gradbook/lessons/kit";
import { courseSite, fixtureSite, recordsSince, type ServedSite } from "./sites.ts";
import type { Shared } from "./harness.ts";

// The browser project's globalSetup: one chromium and one build of each site for the whole run.
// The builds take a while, so setup only starts them and returns: the other projects' tests run
// meanwhile. A test file asks a small control server for what was made, and its answer waits for
// the builds (see ./harness.ts). The browser project runs after the others (its groupOrder), so
// when the first file asks, the lessons project has recorded its run: the course's build takes
// those records instead of running the lessons again (or runs them, if this run did not).

declare module "vitest" {
  interface ProvidedContext {
    /** Where a browser test file asks for the shared chromium and sites; absent without chromium. */
    browserControl: string;
    /** Why the browser tests skip; empty when chromium is there. */
    browserSkip: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!hasChromium()) {
    project.provide("browserSkip", NO_CHROMIUM);
    project.provide("browserControl", "");
    return async () => {};
  }
  const started = Date.now();
  let asked!: () => void;
  const firstAsked = new Promise<void>((resolve) => (asked = resolve));
  let browser: BrowserServer | undefined;
  const sites: ServedSite[] = [];
  const ready: Promise<Shared> = (async () => {
    // GRADBOOK_BROWSER_SITES=fixture: only the fixture course (minutes faster), for files that visit only it.
    const fixtureOnly = process.env.GRADBOOK_BROWSER_SITES === "fixture";
    const [launched, course, fixture] = await Promise.all([
      chromium
        .launchServer({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
        .then((b) => (browser = b)),
      fixtureOnly
        ? undefined
        : courseSite(() => firstAsked.then(() => recordsSince(SUITE_RECORDS, started))).then(
            (s) => (sites.push(s), s),
          ),
      fixtureSite().then((s) => (sites.push(s), s)),
    ]);
    const share = ({ base, dir, report }: ServedSite) => ({ base, dir, report });
    return {
      wsEndpoint: launched.wsEndpoint(),
      ...(course ? { course: share(course) } : {}),
      fixture: share(fixture),
    };
  })();
  // Every request is answered once the builds end: with what they made, or why they failed.
  const answer = ready.then(
    (shared) => JSON.stringify(shared),
    (error: unknown) =>
      JSON.stringify({
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      }),
  );
  const control: Server = createServer((_, response) => {
    asked();
    void answer.then((body) => response.end(body));
  });
  const port = await listen(control, 0);
  project.provide("browserSkip", "");
  project.provide("browserControl", `http://127.0.0.1:${port}/`);
  return async () => {
    await answer; // a build still under way would write into its folder after the run ended
    control.close();
    for (const site of sites) site.server.close();
    await browser?.close();
  };
}
