import { existsSync } from "node:fs";
import type { Browser, BrowserContext, BrowserContextOptions } from "playwright-core";

// Debian's chromium, driven by playwright-core (no browser download is reachable here).

export const CHROMIUM = "/usr/bin/chromium";

/** Why the browser tests skip, and how to make them run. CI (CI set) fails on a skip. */
export const NO_CHROMIUM = `no chromium at ${CHROMIUM}: install it with \`sudo apt-get install chromium\` (Debian) to run the site's browser tests`;

export const hasChromium = (): boolean => existsSync(CHROMIUM);

/** Headless chromium's flags: without the background traffic it makes by default. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * Runs `work` in a fresh browser context (its own storage and colour scheme), then closes it.
 * Playwright's own 30 s limits are off: a busy machine may need longer, and the test's limit
 * (vitest.limits.ts) ends a wait that hangs. The site's content security policy is bypassed
 * unless `options` say otherwise: playwright's waitForFunction evaluates its predicate with
 * eval, which the policy forbids (hostile.test.ts checks the policy with it on).
 */
export async function inContext<T>(
  browser: Browser,
  options: BrowserContextOptions,
  work: (context: BrowserContext) => Promise<T>,
): Promise<T> {
  const context = await browser.newContext({ bypassCSP: true, ...options });
  context.setDefaultTimeout(0);
  try {
    return await work(context);
  } finally {
    await context.close();
  }
}
