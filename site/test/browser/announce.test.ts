import { describe, expect, it } from "vitest";
import { seriousViolations } from "./axe.ts";
import { block, edit, runTo } from "./editing.ts";
import { useBrowserSites } from "./harness.ts";
import { screenshot } from "./results.ts";

// What a screen reader hears: type errors and the end of a run, each said once, politely, from
// live regions that were there before (results boxes are not live: partial output would chatter).
// Before, type errors were only drawn, and a block's Run said its messages twice (the block's
// status and the lesson's were both live). Page code is written as strings.

const sites = useBrowserSites();
const RUNNING = () => sites.fixture.base + "02-running.html";
/** How long a check may take to show, TypeScript's first load included, on a busy machine. */
const CHECK_WAIT_MS = 240_000;

/** Records, in the page, every text each live region is given, and each type-error box drawn. */
const RECORD = `(() => {
  window.said = {};
  for (const region of document.querySelectorAll(".runner [role=status]")) {
    const name = region.className.replace("visually-hidden ", "");
    window.said[name] = [];
    new MutationObserver(() => region.textContent && window.said[name].push(region.textContent)).observe(region, { childList: true, subtree: true, characterData: true });
  }
  window.checks = 0;
  new MutationObserver((changes) => { for (const c of changes) for (const n of c.addedNodes) if (n.classList?.contains("type-errors")) window.checks++; }).observe(document.body, { childList: true, subtree: true });
})()`;
const said = (page: import("playwright-core").Page) =>
  page.evaluate("window.said") as Promise<Record<string, string[]>>;

describe("what a screen reader is told", () => {
  it("announces a check's type errors once, and that they are gone; a run's start and end once each, with the error that stopped it", async (ctx) => {
    sites.needsChromium(ctx);
    await sites.withContext({}, async (context) => {
      const page = await context.newPage();
      await page.goto(RUNNING());
      // The live regions are there before anything is said in them (else nothing is read).
      await page.locator(".runner .type-announcer").waitFor({ state: "attached" });
      await page.evaluate(RECORD);
      const regions = Object.keys(await said(page)).sort();
      expect(regions).toEqual(["run-announcer", "type-announcer"]);

      const code = "const counts = [1, 2, 3];\n";
      await edit(page, 0, `${code}const typo: number = "a";\n`);
      await page.waitForFunction("window.checks >= 1", undefined, { timeout: CHECK_WAIT_MS });
      const error =
        "TypeScript: a type error. Block 1, line 2, column 7: TS2322: Type 'string' is not assignable to type 'number'.";
      expect((await said(page))["type-announcer"]).toEqual([error]);
      await block(page, 0).scrollIntoViewIfNeeded();
      await screenshot(page, "type-error-announced.png");
      expect(await seriousViolations(page)).toEqual([]);

      // Another check with the same result (a comment added) says nothing new.
      await edit(page, 0, `${code}const typo: number = "a"; // still\n`);
      await page.waitForFunction("window.checks >= 2", undefined, { timeout: CHECK_WAIT_MS });
      expect((await said(page))["type-announcer"]).toEqual([error]);

      // Fixed: said once. Then a run that prints over a second and fails: its start and its end.
      await edit(
        page,
        0,
        `${code}for (let i = 0; i < 4; i++) {\n  console.log(i);\n  await new Promise((done) => setTimeout(done, 300));\n}\nthrow new RangeError("counts: too few");\n`,
      );
      await page.waitForFunction(`!document.querySelector(".type-errors")`, undefined, {
        timeout: CHECK_WAIT_MS,
      });
      await runTo(page, 0);
      const line = await block(page, 0).getAttribute("data-line");
      expect(await said(page)).toEqual({
        "type-announcer": [error, "TypeScript: no type errors left."],
        "run-announcer": [
          "Running…",
          `Stopped at the block at line ${line}: it failed. Line 6 of block 1: RangeError: counts: too few`,
        ],
      });
      // The result box itself is not live.
      expect(
        await page.evaluate(
          `document.querySelector(".run-result").closest("[aria-live], [role=status], [role=log]")`,
        ),
      ).toBeNull();
    });
  });
});
