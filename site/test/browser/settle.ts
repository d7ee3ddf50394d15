import type { Page } from "playwright-core";

// Waiting until a page has finished loading, by its events rather than by a quiet spell on the
// network (playwright's "networkidle" waits 500 ms after the last request, on every page).

/** Counts a page's requests in flight from now on; `idle()` resolves once none is. */
export function trackRequests(page: Page): { idle(): Promise<void> } {
  let pending = 0;
  let waiting: (() => void)[] = [];
  const ended = () => {
    pending--;
    if (pending > 0) return;
    for (const resolve of waiting) resolve();
    waiting = [];
  };
  page.on("request", () => pending++);
  page.on("requestfinished", ended);
  page.on("requestfailed", ended);
  return {
    idle: () =>
      pending === 0 ? Promise.resolve() : new Promise((resolve) => waiting.push(resolve)),
  };
}

/**
 * Opens `url` and waits for its load event, its layout, the fonts that layout asked for, and
 * every request still under way (a font, a module the page imports). Track before `goto`.
 */
export async function loadSettled(page: Page, url: string, requests: { idle(): Promise<void> }) {
  const response = await page.goto(url);
  await page.evaluate("document.body.offsetHeight, document.fonts.ready.then(() => true)");
  await requests.idle();
  return response;
}
