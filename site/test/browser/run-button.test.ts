import { describe, expect, it } from "vitest";
import { useBrowserSites } from "./harness.ts";
import { mapLimit } from "./pool.ts";
import { lessonUrls } from "./results.ts";
import { GENEROUS_LIMIT_MS, RUN_FINISHED, runInPage, setRunLimit } from "./run.ts";

// The Run button in chromium: a lesson's code runs in a worker and each block's output shows
// beside the recorded one; an endless loop stops at the time limit.

const sites = useBrowserSites();
const SAME = "Your browser printed the same";

describe("the Run button in a browser", () => {
  it("runs a lesson's code in a worker and shows what each block printed, beside the recorded output", async (ctx) => {
    sites.needsChromium(ctx);
    const { course, fixture } = sites;
    await sites.withContext({}, async (context) => {
      // Every lesson prints in the page exactly what Node printed: the library computes its
      // elementary functions itself, the same in every engine.
      await mapLimit(
        [...lessonUrls(fixture).slice(0, 2), ...lessonUrls(course)],
        2,
        async (url) => {
          const page = await context.newPage();
          const run = await runInPage(page, url);
          await page.close();
          if (!run) return; // a lesson without code to run
          expect(run.status, url).toMatch(/^Ran in \d+ ms\.$/);
          expect(run.labels.length, url).toBe(run.blocks);
          expect(
            run.labels.filter((l) => l !== SAME),
            `${url}: ${run.differences.join("\n")}`,
          ).toEqual([]);
        },
      );
      const page = await context.newPage();
      await page.goto(fixture.base + "01-figures-and-math.html");
      await setRunLimit(page, GENEROUS_LIMIT_MS);
      await page.click(".run-button");
      await page.locator(".run-result figure svg").nth(1).waitFor();
    });
  });

  it("stops a run at its time limit while the page stays responsive", async (ctx) => {
    sites.needsChromium(ctx);
    const limit = 1000;
    await sites.withContext({}, async (context) => {
      const page = await context.newPage();
      await page.goto(sites.fixture.base + "03-time-limit.html");
      await setRunLimit(page, limit);
      // The page keeps its own account, so nothing here depends on how fast the test talks to
      // it: when the status line changed, and each tick of a timer on the page's main thread.
      await page.evaluate(`
        window.statusLog = [];
        window.ticks = [];
        // When the click reached the page: a capturing listener runs before the button's own,
        // which starts the run and its timer.
        window.addEventListener("click", () => (window.clicked = performance.now()), { capture: true });
        const status = document.querySelector(".run-status");
        new MutationObserver(() => statusLog.push([performance.now(), status.textContent])).observe(status, { childList: true, characterData: true, subtree: true });
        setInterval(() => ticks.push(performance.now()), 20);
      `);
      await page.click(".run-button");
      await page.waitForFunction(RUN_FINISHED);
      const [clicked, log, ticks] = (await page.evaluate("[clicked, statusLog, ticks]")) as [
        number,
        [number, string][],
        number[],
      ];
      expect(log.map(([, text]) => text)).toEqual([
        "Running…",
        "Stopped after 1 s: the block at line 10 printed nothing and reported no progress in that time.",
      ]);
      const [[started], [stopped]] = log as [[number, string], [number, string]];
      // The loop ran until the limit, counted from the click, before which no timer of the run
      // existed (a timer never fires early; 1 ms for the clock's rounding). Not from "Running…":
      // the observer sees it only after the button's handler has returned, having started the
      // timer, which on a busy machine can be a few ms later.
      expect(stopped - clicked).toBeGreaterThanOrEqual(limit - 1);
      // …while the page's main thread went on answering its timers.
      expect(ticks.filter((t) => t > started && t < stopped).length).toBeGreaterThan(0);
    });
  });
});
