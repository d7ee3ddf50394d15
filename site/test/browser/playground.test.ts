import { join } from "node:path";
import type { BrowserContextOptions, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { block, edit, resultOf } from "./editing.ts";
import { useBrowserSites } from "./harness.ts";
import { RESULTS } from "./results.ts";
import { RUN_FINISHED } from "./run.ts";

// The editor as a playground (issue 26): the keys beside Run, Escape out of the editor, Ctrl+Enter
// saying it runs, console.error shown as an error, Reset and Reset all with an Undo, a share link
// opened read-only until Edit, and figures compared as well as text (issue 29). On the fixture
// course: short pages. Page code is written as strings: this project's type check has no DOM types.

const sites = useBrowserSites();
const withPage = <T>(options: BrowserContextOptions, work: (page: Page) => Promise<T>) =>
  sites.withContext(options, async (context) => work(await context.newPage()));
const FIGURES = () => sites.fixture.base + "01-figures-and-math.html";
const RUNNING = () => sites.fixture.base + "02-running.html";

const editorOf = (page: Page, index: number) =>
  page.getByRole("textbox", { name: `Code of block ${index + 1}` });

describe("the editor as a playground", () => {
  it("lists its keys beside Run, says when Ctrl+Enter runs, leaves the editor on Escape, and shows console.error as an error", async (ctx) => {
    sites.needsChromium(ctx);
    await withPage({}, async (page) => {
      await page.goto(RUNNING());
      await edit(page, 0, 'console.log("fine");\nconsole.error("went wrong");\n');
      expect(await block(page, 0).locator(".block-keys").textContent()).toBe(
        "Ctrl+Enter runs · Esc leaves the editor",
      );
      await page.evaluate(
        `window.said = []; new MutationObserver(() => said.push(document.querySelector(".block-status").textContent)).observe(document.querySelector(".block-status"), { childList: true, characterData: true, subtree: true })`,
      );
      await page.keyboard.press("ControlOrMeta+Enter");
      await page.waitForFunction(RUN_FINISHED);
      expect(await page.evaluate("said[0]")).toBe("Running (Ctrl+Enter)…");
      // It printed other than the lesson's block: the diff shows it, the console.error line marked.
      expect(await page.locator(".run-result .stderr").allTextContents()).toEqual([
        "+ went wrong\n",
      ]);
      await page.keyboard.press("Escape");
      expect(await page.evaluate(`document.activeElement.classList.contains("block-run")`)).toBe(
        true,
      );
      await page.screenshot({ path: join(RESULTS, "playground-keys.png") });
    });
  });

  it("resets one block or all of them (after asking), and each reset can be undone", async (ctx) => {
    sites.needsChromium(ctx);
    await withPage({}, async (page) => {
      await page.goto(RUNNING());
      expect(await page.locator(".reset-all").isVisible()).toBe(false); // nothing edited yet
      await edit(page, 0, "const one = 1;\n");
      await edit(page, 1, 'throw new Error("empty");\n');
      await block(page, 0).locator(".block-reset").click();
      expect(await editorOf(page, 0).count()).toBe(0);
      await block(page, 0).locator(".undo-reset").click();
      expect(await editorOf(page, 0).textContent()).toBe("const one = 1;");

      const asked: string[] = [];
      page.once("dialog", (dialog) => (asked.push(dialog.message()), void dialog.dismiss()));
      await page.locator(".reset-all").click();
      expect(asked).toEqual(["Reset all 2 edited blocks to the lesson's code?"]);
      expect(await page.locator(".cm-editor").count()).toBe(2); // dismissed: nothing reset
      page.once("dialog", (dialog) => void dialog.accept());
      await page.locator(".reset-all").click();
      expect(await page.locator(".cm-editor").count()).toBe(0);
      await page.reload();
      expect(await page.locator(".cm-editor").count()).toBe(0); // forgotten, not only closed
    });
    await withPage({}, async (page) => {
      await page.goto(RUNNING());
      await edit(page, 0, "const two = 2;\n");
      page.once("dialog", (dialog) => void dialog.accept());
      await page.locator(".reset-all").click();
      await page.locator(".runner .undo-reset").click();
      expect(await editorOf(page, 0).textContent()).toBe("const two = 2;");
    });
  });

  it("shares edits as a link in the URL's fragment, opened read-only as a diff until Edit", async (ctx) => {
    sites.needsChromium(ctx);
    const link = await withPage({}, async (page) => {
      await page.goto(RUNNING());
      await edit(page, 1, 'throw new RangeError("shared: expected an empty list");\n');
      await page.locator(".share-edits").click();
      await page.waitForURL(/#edits=/);
      return page.url();
    });
    expect(link).toMatch(/02-running\.html#edits=[\w-]+$/);
    await withPage({}, async (page) => {
      const requests: string[] = [];
      page.on("request", (request) => requests.push(request.url()));
      await page.goto(link);
      const view = block(page, 1).locator(".shared-edit");
      await view.waitFor();
      expect(await view.locator(".del").allTextContents()).toEqual([
        '- if (counts.length > 0) throw new RangeError("counts: expected an empty list");\n',
      ]);
      expect(await view.locator(".ins").allTextContents()).toEqual([
        '+ throw new RangeError("shared: expected an empty list");\n',
      ]);
      expect(await page.locator(".cm-editor").count()).toBe(0); // read-only until Edit
      expect(requests.filter((url) => url.includes("edits="))).toEqual([]); // the fragment never reaches the server
      await page.screenshot({ path: join(RESULTS, "playground-shared.png") });
      await block(page, 1).locator(".block-edit").click();
      expect(await editorOf(page, 1).textContent()).toBe(
        'throw new RangeError("shared: expected an empty list");',
      );
      expect(await page.locator(".shared-edit").count()).toBe(0);
    });
  });

  it("does not call a block that drew other figures 'the same' (issue 29)", async (ctx) => {
    sites.needsChromium(ctx);
    await withPage({}, async (page) => {
      await page.goto(FIGURES());
      const original = (await block(page, 0).locator("pre").first().textContent()) ?? "";
      // The same text printed, the same figure drawn, and then two more.
      const more = original.replace(
        /show\((.*)\);\n?$/s,
        (_, figure: string) => `for (let i = 0; i < 3; i++) show(${figure});\n`,
      );
      expect(more).not.toBe(original);
      await edit(page, 0, more);
      await block(page, 0).locator(".block-run").click();
      await page.waitForFunction(RUN_FINISHED);
      const result = await resultOf(page, 0);
      expect(result).toContain("Your browser printed something else");
      expect(result).toContain(
        "The figures differ: it showed 3 figures; the test run showed 1 figure.",
      );
      // The lesson's own code, run unchanged, draws what the test run drew.
      await block(page, 0).locator(".block-reset").click();
      await page.locator(".run-button").click();
      await page.waitForFunction(RUN_FINISHED);
      expect(await resultOf(page, 0)).toContain("Your browser printed the same");
      expect(await resultOf(page, 1)).toContain("Your browser printed the same");
    });
  });
});
