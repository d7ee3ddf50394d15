import { describe, expect, it } from "vitest";
import { ENDS_WITHIN_MS, edit, lessonStatus, resultOf, runTo } from "./editing.ts";
import { setRunLimit } from "./run.ts";
import { useBrowserSites } from "./harness.ts";

// Code typed into an editor that goes for the worker it runs in rather than the page
// (hostile.test.ts has floods, forged messages, script in figures and the network): each must end
// its run promptly with a message that says what happened, and leave the next run working.
// Before their fixes, `self.close()` and a thrown value that cannot be turned into text left the
// run waiting for its quiet limit ("printed nothing"), and a 10 MB error message froze the page.

const sites = useBrowserSites();
const RUNNING = () => sites.fixture.base + "02-running.html";

describe("hostile code in the run's worker", () => {
  it("refuses close, new Worker and importScripts, reports what cannot be shown as text, caps a huge error, and names a timer's throw", async (ctx) => {
    sites.needsChromium(ctx);
    await sites.withContext({}, async (context) => {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      await page.goto(RUNNING());
      // A run that waited for its quiet limit would fail the test: the limit is past the test's own.
      await setRunLimit(page, ENDS_WITHIN_MS * 2, ENDS_WITHIN_MS * 2);
      const failsWith = async (code: string, error: string | RegExp) => {
        await edit(page, 0, code);
        await runTo(page, 0);
        expect(await lessonStatus(page)).toMatch(/^Stopped at the block at line \d+: it failed\.$/);
        expect(await resultOf(page, 0)).toMatch(error);
      };
      await failsWith(
        "(self as any).close();\nawait new Promise((done) => setTimeout(done, 100));\n",
        "Line 1 of this block: Error: close: a run ends when its last block ends, or with Stop",
      );
      await failsWith(
        'new Worker(new URL("worker.js", location.href), { type: "module" });\n',
        "Error: Worker: a run in the page cannot start other workers",
      );
      await failsWith(
        '(self as any).importScripts("x.js");\n',
        "Error: importScripts: a run in the page cannot load scripts",
      );
      await failsWith(
        'throw new Proxy(new Error("p"), { get() { throw new Error("trap"); }, getPrototypeOf() { throw new Error("trap"); } });\n',
        "a value that cannot be shown as text was thrown",
      );
      await failsWith(
        'throw new Error("x".repeat(10_000_000));\n',
        /Error: x{9993}… \(9,990,007 more characters\)$/,
      );

      // An error thrown later by a timer the block left running ends the run, saying so.
      await edit(
        page,
        0,
        'setTimeout(() => { throw new Error("later"); }, 0);\nawait new Promise(() => {});\n',
      );
      await runTo(page, 0);
      expect(await lessonStatus(page)).toBe(
        "Stopped: code the blocks left running (a timer or a callback) threw Error: later.",
      );

      // And the next run works.
      await page.locator(".code[data-line]").first().locator(".block-reset").click();
      await runTo(page, "all");
      expect(await lessonStatus(page)).toMatch(/^Ran in \d+ ms\.$/);
      expect(errors).toEqual([]);
    });
  });
});
