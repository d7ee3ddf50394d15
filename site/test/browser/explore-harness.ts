import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContextOptions, Page } from "playwright-core";
import { afterAll, expect, type TestContext } from "vitest";
import { main } from "../../../packages/cli/src/main.ts";
import { useBrowserSites } from "./harness.ts";
import { RESULTS } from "./results.ts";

// What the explorer's tests share: the course's site served to chromium, `pnpm xor` run in the
// test's process, and the page's state as the explorer marks it on its <article>.

/** Page code as strings: this project's type check has no DOM types. */
export const READY = `document.querySelector("article.explore").dataset.playing !== undefined`;
export const DONE = `document.querySelector("article.explore").dataset.done === "true"`;
export const PAUSED = `document.querySelector("article.explore").dataset.playing === "false"`;

/** The epoch the page's counter shows. */
export const epochOf = async (page: Page) =>
  Number(/Epoch (\d+)/.exec((await page.textContent("#epoch-count")) ?? "")![1]);

/** The form's values by flag name. */
export const values = (page: Page) =>
  page.evaluate(
    `Object.fromEntries([...document.querySelectorAll("#controls [name]")].map((e) => [e.name, e.value]))`,
  ) as Promise<Record<string, string>>;

/** The explorer's harness for one test file: registers its hooks, and returns what the tests use. */
export function explorer() {
  const sites = useBrowserSites();
  const folder = mkdtempSync(join(tmpdir(), "gradbook-explore-"));
  mkdirSync(RESULTS, { recursive: true });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  const xorRun = (...flags: string[]) => {
    const [out, err] = [
      { text: "", write: (s: string) => void (out.text += s) },
      { text: "", write: (s: string) => void (err.text += s) },
    ];
    const code = main(["xor", ...flags, "--out", join(folder, "figures")], out, err);
    return { code, out: out.text, err: err.text };
  };

  return {
    browser: () => sites.browser,
    site: () => sites.course,
    needsChromium(ctx: TestContext) {
      sites.needsChromium(ctx);
    },
    /** `pnpm xor` with these flags, in this process: what it prints. */
    xor(...flags: string[]): string {
      const { code, out, err } = xorRun(...flags);
      expect(code, out + err).toBe(0);
      return out;
    },
    /** `pnpm xor` with these flags, in this process: its exit code and what it prints on each stream. */
    xorRun,
    /** Opens explore.html with this query in a fresh context; fails on any uncaught error or console error. */
    async open(
      query: string,
      options: BrowserContextOptions,
      work: (page: Page) => Promise<void>,
    ): Promise<void> {
      await sites.withContext(options, async (context) => {
        const page = await context.newPage();
        const problems: string[] = [];
        page.on("pageerror", (error) => problems.push(`uncaught: ${error.message}`));
        page.on(
          "console",
          (message) => message.type() === "error" && problems.push(`console: ${message.text()}`),
        );
        await page.goto(`${sites.course.base}explore.html${query}`);
        await page.waitForFunction(READY);
        await work(page);
        expect(problems).toEqual([]);
      });
    },
  };
}
