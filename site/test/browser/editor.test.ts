import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { BrowserContextOptions, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { seriousViolations } from "./axe.ts";
import { useBrowserSites } from "./harness.ts";
import { RESULTS } from "./results.ts";
import { RUN_FINISHED } from "./run.ts";
import { codeOf as original, edit, resultOf, runTo } from "./editing.ts";

// Editing a lesson's blocks in a real browser: Edit opens an editor, Run runs the blocks up to
// that one (earlier ones as edited) in a worker and shows the output and where it differs from
// the recorded one; errors are shown at the block's line; Reset and Stop; the phone layout.
// Page code is written as strings: this project's type check has no DOM types.

const sites = useBrowserSites();
mkdirSync(RESULTS, { recursive: true });
const needsChromium = sites.needsChromium;
const withPage = <T>(options: BrowserContextOptions, work: (page: Page) => Promise<T>) =>
  sites.withContext(options, async (context) => work(await context.newPage()));
const course = {
  get base() {
    return sites.course.base;
  },
};
const LESSON_05 = () => course.base + "05-learning-rate.html";
const LESSON_01 = () => course.base + "01-chain-rule.html";

/** The 0-based place among the runnable blocks of the block whose code contains `text`. */
async function blockWith(page: Page, text: string): Promise<number> {
  const index = (await page.evaluate(
    `[...document.querySelectorAll(".code[data-line]")].findIndex((c) => c.querySelector("pre").textContent.includes(${JSON.stringify(text)}))`,
  )) as number;
  expect(index, `a runnable block containing ${text}`).toBeGreaterThanOrEqual(0);
  return index;
}

describe("editing a lesson's blocks in the page", () => {
  it("runs an edited learning rate and shows the new output and where it differs; the edit survives a reload until Reset", async (ctx) => {
    needsChromium(ctx);
    await withPage({}, async (page) => {
      await page.goto(LESSON_05());
      const index = await blockWith(page, "for (const lr of [0.1, 0.25, 0.4, 0.5, 0.55])");
      const code = await original(page, index);
      await edit(page, index, code.replace("0.5, 0.55]", "0.5, 0.6]"));
      await runTo(page, index);
      expect(await page.textContent(".run-status")).toMatch(/^Ran in \d+ ms\.$/);
      // Every block up to the edited one ran; the edited one printed one line otherwise. By hand:
      // with a = 4 (1 − 0.55·4 = −1.2), lr 0.6 multiplies x by 1 − 0.6·4 = −1.4 each step:
      // 1, −1.4, 1.96, −2.744, 3.8416, −5.37824, 7.529536.
      expect(await page.locator(".run-result").count()).toBe(index + 1);
      const result = await resultOf(page, index);
      expect(result).toContain("Your browser printed something else");
      expect(result).toContain(
        "- lr 0.55  1 − lr·a = -1.2  x:  1.000 -1.200  1.440 -1.728  2.074 -2.488  2.986",
      );
      expect(result).toContain(
        "+ lr 0.60  1 − lr·a = -1.4  x:  1.000 -1.400  1.960 -2.744  3.842 -5.378  7.530",
      );
      expect(result).toContain("  lr 0.50  1 − lr·a = -1.0"); // an unchanged line, unmarked
      await page.screenshot({ path: join(RESULTS, "editor-edited-run.png"), fullPage: false });

      await page.reload();
      const editor = page.getByRole("textbox", { name: `Code of block ${index + 1}` });
      expect(await editor.textContent()).toContain("0.5, 0.6]");
      await page.locator(".code[data-line]").nth(index).locator(".block-reset").click();
      expect(await editor.count()).toBe(0);
      expect(await original(page, index)).toBe(code);
      await page.reload();
      expect(await page.locator(".cm-editor").count()).toBe(0);
      expect(
        await page.locator(".code[data-line]").nth(index).locator(".block-edit").isVisible(),
      ).toBe(true);
    });
  });

  it("shows a syntax error and a throw with their message at the block's line, marked in the editor", async (ctx) => {
    needsChromium(ctx);
    await withPage({}, async (page) => {
      await page.goto(LESSON_01());
      const code = await original(page, 0);
      const lines = code.replace(/\n$/, "").split("\n").length;
      await edit(page, 0, `${code.replace(/\n$/, "")}\nconst lr = 0.1 *;\n`);
      await runTo(page, 0);
      expect(await resultOf(page, 0)).toContain(
        `Line ${lines + 1} of this block: SyntaxError: Unexpected token`,
      );
      expect(await page.locator(".cm-error-line").textContent()).toBe("const lr = 0.1 *;");

      await edit(
        page,
        0,
        `${code.replace(/\n$/, "")}\nconst lr = -1;\nif (lr < 0) throw new RangeError("lr must be positive");\nconsole.log("never");\n`,
      );
      await runTo(page, 0);
      const result = await resultOf(page, 0);
      expect(result).toContain("Failed in your browser");
      expect(result).toContain(`Line ${lines + 2} of this block: RangeError: lr must be positive`);
      expect(result).not.toContain("never");
      expect(await page.textContent(".run-status")).toMatch(
        /^Stopped at the block at line \d+: it failed\.$/,
      );
      await page.screenshot({ path: join(RESULTS, "editor-throw.png") });
    });
  });

  it("stops an endless loop, with Stop or at the block's time limit, while the page stays responsive", async (ctx) => {
    needsChromium(ctx);
    await withPage({}, async (page) => {
      await page.goto(LESSON_01());
      await edit(page, 0, "let spins = 0;\nwhile (true) spins++;\n");
      await page.locator(".block-run").first().click();
      await page.locator(".stop-button").waitFor();
      expect(await page.evaluate(`!(${RUN_FINISHED})`)).toBe(true); // running…
      expect(await page.evaluate(() => 6 * 7)).toBe(42); // …and the page answers
      await page.locator(".stop-button").click();
      await page.waitForFunction(RUN_FINISHED);
      const line = await page.locator(".code[data-line]").first().getAttribute("data-line");
      expect(await page.locator(".block-status").first().textContent()).toBe(
        `Stopped at the block at line ${line}.`,
      );
      expect(await page.locator(".stop-button").count()).toBe(0);

      // The time limit: a block that prints nothing and reports no progress for this long stops.
      await page.evaluate(`document.querySelector(".runner").dataset.timeLimit = "2000"`);
      await page.locator(".block-run").first().click();
      await page.waitForFunction(RUN_FINISHED);
      expect(await page.locator(".block-status").first().textContent()).toBe(
        `Stopped after 2 s: the block at line ${line} printed nothing and reported no progress in that time.`,
      );
    });
  });

  it("shows the progress of a heavy block (lesson 06's 200-seed sweep) while it runs, and finishes it", async (ctx) => {
    needsChromium(ctx);
    await withPage({}, async (page) => {
      await page.goto(course.base + "06-training-loop.html");
      const index = await blockWith(page, "const seeds = Array.from({ length: 200 }");
      await page.locator(".code[data-line]").nth(index).locator(".block-edit").click();
      await page.locator(".code[data-line]").nth(index).locator(".block-run").click();
      const bar = page.locator(".run-result progress");
      await bar.waitFor();
      expect(Number(await bar.getAttribute("max"))).toBe(200);
      await page.waitForFunction(RUN_FINISHED);
      expect(await page.textContent(".run-status")).toMatch(/^Ran in \d+ ms\.$/);
      expect(await resultOf(page, index)).toContain(
        "L1, lr 0.02, momentum 0.9 (the assignment's): at epoch 2000",
      );
    });
  });

  it("has no serious accessibility violation with an editor open, in light and in dark", async (ctx) => {
    needsChromium(ctx);
    const found: string[] = [];
    for (const colorScheme of ["light", "dark"] as const) {
      await withPage({ colorScheme }, async (page) => {
        // A short page with code, math and figures: axe's time grows with the page, and the crawl
        // (pages.test.ts) has checked every lesson page without an editor.
        await page.goto(sites.fixture.base + "01-figures-and-math.html");
        await page.locator(".block-edit").first().click();
        await page.getByRole("textbox", { name: "Code of block 1" }).waitFor();
        found.push(...(await seriousViolations(page)).map((v) => `${colorScheme}: ${v}`));
        await page.screenshot({ path: join(RESULTS, `editor-open-${colorScheme}.png`) });
      });
    }
    expect(found).toEqual([]);
  });
});

describe("the phone layout", () => {
  it("puts the lesson's title in the first screen at 390 × 844, with the course behind Menu", async (ctx) => {
    needsChromium(ctx);
    await withPage(
      { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
      async (page) => {
        await page.goto(course.base + "06-training-loop.html");
        const title = await page.locator("main h1").boundingBox();
        expect(title!.y + title!.height).toBeLessThan(844);
        expect(await page.locator("#site-nav").isVisible()).toBe(false);
        expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(
          390,
        ); // nothing but code scrolls sideways
        await page.screenshot({ path: join(RESULTS, "phone-first-screen.png") });

        const menu = page.getByRole("button", { name: "Menu" });
        await menu.click();
        expect(await menu.getAttribute("aria-expanded")).toBe("true");
        const contents = page.locator("#site-nav .toc a");
        expect(await contents.count()).toBeGreaterThan(2); // the lesson's own sections
        await page.screenshot({ path: join(RESULTS, "phone-menu-open.png") });
        const section = await contents.nth(1).getAttribute("href");
        await contents.nth(1).click();
        await page.waitForURL(new RegExp(`${section}$`));
        expect(await page.locator("#site-nav").isVisible()).toBe(false);
      },
    );
  });

  it("shows that a code block wider than the phone scrolls: a shadow at the edge with more code", async (ctx) => {
    needsChromium(ctx);
    await withPage({ viewport: { width: 390, height: 844 }, isMobile: true }, async (page) => {
      await page.goto(course.base + "06-training-loop.html");
      const pre = page.locator(".code pre").first();
      await pre.scrollIntoViewIfNeeded();
      const [scrollWidth, clientWidth, background] = (await page.evaluate(
        `(({ scrollWidth, clientWidth }, p) => [scrollWidth, clientWidth, getComputedStyle(p).backgroundImage])(document.querySelector(".code pre"), document.querySelector(".code pre"))`,
      )) as [number, number, string];
      expect(scrollWidth).toBeGreaterThan(clientWidth);
      expect(background.match(/radial-gradient/g)).toHaveLength(2); // the edge shadows, covered where the code ends
      await pre.screenshot({ path: join(RESULTS, "phone-code-scrolls.png") });
    });
  });
});
