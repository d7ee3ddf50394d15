import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { seriousViolations } from "./axe.ts";
import { useBrowserSites } from "./harness.ts";
import { RESULTS } from "./results.ts";
import { RUN_FINISHED } from "./run.ts";
import { codeOf, edit } from "./editing.ts";

// Type errors in the page: edited code is type-checked by TypeScript in a worker (loaded with the
// first edit, never with the page), and each error shows under the block it belongs to, at its
// line, with tsc's code and message, and is marked in that block's editor. Page code is written
// as strings: this project's type check has no DOM types.

const sites = useBrowserSites();
mkdirSync(RESULTS, { recursive: true });
const LESSON_01 = () => sites.course.base + "01-chain-rule.html";
/** How long a check may take to show, TypeScript's first load included, on a busy machine. */
const CHECK_WAIT_MS = 240_000;
const TYPESCRIPT = /\/assets\/js\/(type-check\.js|types\.json)$/;

/** The text of the type-error box under block `index`, once it contains `text`. */
async function typeErrorsOf(page: Page, index: number, text: string): Promise<string> {
  const box = `document.getElementById("type-errors-" + document.querySelectorAll(".code[data-line]")[${index}].dataset.line)`;
  await page.waitForFunction(`${box}?.textContent.includes(${JSON.stringify(text)})`, undefined, {
    timeout: CHECK_WAIT_MS,
  });
  return (await page.evaluate(`${box}.textContent`)) as string;
}

/** Which blocks (0-based) show a type-error box. */
const blocksWithTypeErrors = (page: Page) =>
  page.evaluate(
    `[...document.querySelectorAll(".code[data-line]")].flatMap((c, i) => document.getElementById("type-errors-" + c.dataset.line) ? [i] : [])`,
  ) as Promise<number[]>;

describe("type errors in the page", () => {
  it("shows TS2322 under the edited block, at its line and in its editor, and takes it away when fixed; a run still runs", async (ctx) => {
    sites.needsChromium(ctx);
    await sites.withContext({}, async (context) => {
      const page = await context.newPage();
      const typescript: string[] = [];
      page.on("request", (r) => TYPESCRIPT.test(r.url()) && typescript.push(r.url()));
      // What the first check costs on the wire: every request from the first edit to its result.
      const sizes: Promise<[string, number, number]>[] = [];
      let counting = false;
      page.on("requestfinished", (request) => {
        if (!counting) return;
        const name = new URL(request.url()).pathname.replace(/.*\//, "");
        sizes.push(
          Promise.all([request.response().then((r) => r?.body()), request.sizes()]).then(
            ([body, size]) => [name, body?.length ?? 0, size.responseBodySize],
          ),
        );
      });
      await page.goto(LESSON_01());
      const code = (await codeOf(page, 2)).replace(/\n$/, "");
      const line = code.split("\n").length + 1;
      await page.locator(".code[data-line]").nth(2).locator(".block-edit").click();
      await page.getByRole("textbox", { name: "Code of block 3" }).waitFor();
      expect(typescript, "TypeScript loads with the first edit, not with the page").toEqual([]);

      counting = true;
      await edit(page, 2, `${code}\nconst typo: number = "a";\n`);
      const shown = await typeErrorsOf(page, 2, "TS2322");
      counting = false;
      const weight = await Promise.all(sizes);
      writeFileSync(
        join(RESULTS, "type-check-weight.json"),
        JSON.stringify(weight, null, 1) + "\n",
      );
      console.log("The first type check loaded (file, bytes, bytes sent):", weight);
      expect(weight.map(([name]) => name)).toEqual(
        expect.arrayContaining(["type-check.js", "types.json"]),
      );
      expect(shown).toBe(
        `TypeScript: a type error in this block (it still runs)Line ${line}, column 7: error TS2322: Type 'string' is not assignable to type 'number'.`,
      );
      expect(await blocksWithTypeErrors(page)).toEqual([2]);
      // The editor marks what TypeScript blames: the name, on that line.
      const mark = page.locator(".code[data-line]").nth(2).locator(".cm-lintRange-error");
      expect(await mark.textContent()).toBe("typo");
      expect(
        await page.evaluate(
          `document.querySelectorAll(".code[data-line]")[2].querySelector(".cm-lintRange-error").closest(".cm-line").textContent`,
        ),
      ).toBe('const typo: number = "a";');
      await page.locator(".code[data-line]").nth(2).scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(RESULTS, "type-error-light.png") });

      // Reported, as tsc would, and the run goes ahead: JavaScript has no types.
      await page.locator(".code[data-line]").nth(2).locator(".block-run").click();
      await page.waitForFunction(RUN_FINISHED);
      expect(await page.textContent(".run-status")).toMatch(/^Ran in \d+ ms\.$/);
      expect(await blocksWithTypeErrors(page)).toEqual([2]);
      // Under the block, its type errors first (they belong to the code), then what the run did.
      expect(
        await page.evaluate(
          `(() => { const line = document.querySelectorAll(".code[data-line]")[2].dataset.line; return document.getElementById("type-errors-" + line).compareDocumentPosition(document.getElementById("run-result-" + line)); })()`,
        ),
      ).toBe(4); // Node.DOCUMENT_POSITION_FOLLOWING

      await edit(page, 2, `${code}\nconst typo: number = 1;\n`);
      await page.waitForFunction(`!document.querySelector(".type-errors")`, undefined, {
        timeout: CHECK_WAIT_MS,
      });
      expect(await page.locator(".cm-lintRange-error").count()).toBe(0);
    });
  });

  it("blames an error that an edit of block 1 causes in block 3 on block 3, at its line", async (ctx) => {
    sites.needsChromium(ctx);
    await sites.withContext({ colorScheme: "dark" }, async (context) => {
      const page = await context.newPage();
      await page.goto(LESSON_01());
      const first = await codeOf(page, 0);
      // Block 1 stops importing Value; block 3's first line is `const x = new Value(0.5, "x");`.
      await edit(page, 0, first.replace("topologicalOrder, Value }", "topologicalOrder }"));
      const third = await typeErrorsOf(page, 2, "Value");
      expect(third).toContain("Line 1, column 15: error TS2304: Cannot find name 'Value'.");
      const blamed = await blocksWithTypeErrors(page);
      expect(blamed).toContain(2);
      expect(blamed).not.toContain(0); // block 1's code is fine: the error is where the name is used
      expect(
        await page.locator(".code[data-line]").nth(0).locator(".cm-lintRange-error").count(),
      ).toBe(0);

      // Opening block 3's editor now marks the error there too.
      await page.locator(".code[data-line]").nth(2).locator(".block-edit").click();
      const mark = page.locator(".code[data-line]").nth(2).locator(".cm-lintRange-error");
      await mark.first().waitFor();
      expect(await mark.first().textContent()).toBe("Value");
      await page.locator(".code[data-line]").nth(2).scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(RESULTS, "type-error-dark.png") });
      expect(await seriousViolations(page)).toEqual([]);
    });
  });

  it("ends a check that takes too long (its worker with it) and checks again on the next edit; Reset takes the errors away", async (ctx) => {
    sites.needsChromium(ctx);
    await sites.withContext({}, async (context) => {
      const page = await context.newPage();
      await page.goto(LESSON_01());
      const code = (await codeOf(page, 2)).replace(/\n$/, "");
      // No check loads TypeScript and checks a lesson in a millisecond.
      await page.evaluate(`document.querySelector(".runner").dataset.typeCheckLimit = "1"`);
      await edit(page, 2, `${code}\nconst typo: number = "a";\n`);
      await page.waitForFunction(
        `document.querySelector(".runner .run-status").textContent.startsWith("The type check stopped")`,
        undefined,
        { timeout: CHECK_WAIT_MS },
      );
      expect(await page.textContent(".runner .run-status")).toBe(
        "The type check stopped: TypeScript took more than 0.001 s on this code. The next edit checks it again.",
      );
      expect(await blocksWithTypeErrors(page)).toEqual([]);

      await page.evaluate(
        `document.querySelector(".runner").dataset.typeCheckLimit = "${CHECK_WAIT_MS}"`,
      );
      await edit(page, 2, `${code}\nconst typo: number = "b";\n`);
      expect(await typeErrorsOf(page, 2, "TS2322")).toContain("error TS2322");

      // Reset: nothing is edited any more, so nothing is in error.
      await page.locator(".code[data-line]").nth(2).locator(".block-reset").click();
      await page.waitForFunction(`!document.querySelector(".type-errors")`, undefined, {
        timeout: CHECK_WAIT_MS,
      });
    });
  });
});
