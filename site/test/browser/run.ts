import type { Page } from "playwright-core";

// Driving the Run button. Page code is written as strings: this project's type check has no
// DOM types.

/** True in the page once a run has finished (the button is enabled again). */
export const RUN_FINISHED = `!document.querySelector(".run-button").disabled`;

/**
 * The time limit the tests give a run that should end by itself: long enough for any lesson on a
 * busy machine. The test's own timeout (the browser project's config) is longer still.
 */
export const GENEROUS_LIMIT_MS = 10 * 60_000;

/**
 * Sets the Run button's time limits on an open lesson page (read at each click): how long a block
 * may bring nothing new (`quietMs`), and how long the run may take in all (by default the
 * generous limit).
 */
export async function setRunLimit(
  page: Page,
  quietMs: number,
  totalMs = Math.max(quietMs, GENEROUS_LIMIT_MS),
): Promise<void> {
  await page.evaluate(
    `Object.assign(document.querySelector(".runner").dataset, { timeLimit: "${quietMs}", runLimit: "${totalMs}" })`,
  );
}

/** What a run in the page showed: its status line, each block result's label, the runnable blocks. */
export interface PageRun {
  status: string;
  labels: string[];
  blocks: number;
  /** For each block that did not print exactly the same in the page: what it printed there. */
  differences: string[];
}

/** Opens a lesson, runs it with its Run button and waits for the end; undefined if it has no code to run. */
export async function runInPage(page: Page, url: string): Promise<PageRun | undefined> {
  await page.goto(url);
  if (!(await page.locator(".runner").count())) return undefined;
  await setRunLimit(page, GENEROUS_LIMIT_MS);
  await page.click(".run-button");
  await page.waitForFunction(RUN_FINISHED);
  return {
    status: (await page.textContent(".run-status")) ?? "",
    labels: (await page.evaluate(
      `[...document.querySelectorAll(".run-result .label")].map((l) => l.textContent)`,
    )) as string[],
    blocks: await page.locator("[data-line]").count(),
    differences: (await page.evaluate(
      `[...document.querySelectorAll(".run-result")].filter((r) => r.querySelector(".label").textContent !== "Your browser printed the same").map((r) => r.id + ": " + [...r.querySelectorAll("pre")].map((p) => p.textContent).join("\\n"))`,
    )) as string[],
  };
}
