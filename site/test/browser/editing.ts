import type { Page } from "playwright-core";
import { RUN_FINISHED } from "./run.ts";

// Editing and running a block as a reader does, for the tests that try to break the page. Page
// code is written as strings: this project's type check has no DOM types.

/** How long a hostile run may take to end before the test calls the page broken: far beyond its limits. */
export const ENDS_WITHIN_MS = 120_000;

/** The runnable block `index` (0-based). */
export const block = (page: Page, index: number) => page.locator(".code[data-line]").nth(index);

/** Opens block `index`'s editor and replaces its code, as a reader pasting it would. */
export async function edit(page: Page, index: number, code: string): Promise<void> {
  const box = block(page, index);
  await box.locator(".block-edit:visible, .cm-editor").first().waitFor(); // the buttons come with the page's scripts
  if (await box.locator(".block-edit").isVisible()) await box.locator(".block-edit").click();
  await page.getByRole("textbox", { name: `Code of block ${index + 1}` }).click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.insertText(code);
}

/** The code block `index` shows (0-based), as the lesson has it. */
export const codeOf = (page: Page, index: number) =>
  block(page, index).locator("pre").first().textContent() as Promise<string>;

/** Presses Run on block `index` (or the lesson's Run button) and waits until the run has ended. */
export async function runTo(page: Page, index: number | "all"): Promise<void> {
  await (index === "all"
    ? page.locator(".run-button")
    : block(page, index).locator(".block-run")
  ).click();
  await page.waitForFunction(RUN_FINISHED, undefined, { timeout: ENDS_WITHIN_MS, polling: 100 });
}

/** The text of block `index`'s result box ("" without one). */
export const resultOf = (page: Page, index: number) =>
  page.evaluate(
    `document.getElementById("run-result-" + document.querySelectorAll(".code[data-line]")[${index}].dataset.line)?.textContent ?? ""`,
  ) as Promise<string>;

/** The lesson's run status. */
export const lessonStatus = (page: Page) => page.textContent(".run-status") as Promise<string>;
