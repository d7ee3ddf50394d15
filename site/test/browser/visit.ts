import type { BrowserContext, Page } from "playwright-core";
import { loadSettled, trackRequests } from "./settle.ts";

// One visit to a page, with everything that went wrong on the way: console errors, uncaught
// errors, failed or refused requests, and any request that left the site.

export interface Visit {
  page: Page;
  problems: string[];
  /** Every link on the page, resolved. */
  links: string[];
  /** Every id on the page. */
  ids: string[];
}

/** Opens `url` in a new page of `context` and records what went wrong. */
export async function visit(context: BrowserContext, url: string, origin: string): Promise<Visit> {
  const page = await context.newPage();
  const requests = trackRequests(page);
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning")
      problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`uncaught: ${error.message}`));
  page.on("requestfailed", (request) =>
    problems.push(`failed: ${request.url()} (${request.failure()?.errorText})`),
  );
  page.on("request", (request) => {
    if (!request.url().startsWith(origin) && !request.url().startsWith("data:"))
      problems.push(`left the site: ${request.url()}`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400 && response.url() !== url)
      problems.push(`${response.status()}: ${response.url()}`);
  });
  const response = await loadSettled(page, url, requests);
  if (!response?.ok()) problems.push(`${response?.status()}: ${url}`);
  // Page code as strings: this project's type check has no DOM types.
  const links = (await page.evaluate(
    `[...document.querySelectorAll("a[href]")].map((a) => a.href)`,
  )) as string[]; // resolved
  const ids = (await page.evaluate(
    `[...document.querySelectorAll("[id]")].map((e) => e.id)`,
  )) as string[];
  return { page, problems, links, ids };
}

/** Links between the visited pages (or to files of the site) that do not resolve, anchors included. */
export async function brokenLinks(visits: Map<string, Visit>): Promise<string[]> {
  const broken: string[] = [];
  for (const [from, { links }] of visits) {
    for (const link of links) {
      const url = new URL(link);
      if (url.protocol !== "http:" || url.origin !== new URL(from).origin) {
        broken.push(`${from} links out of the site: ${link}`);
        continue;
      }
      const target = visits.get(url.origin + url.pathname);
      if (!target) {
        const response = await fetch(url.origin + url.pathname);
        if (!response.ok) broken.push(`${from} → ${link}: ${response.status}`);
      } else if (url.hash && !target.ids.includes(decodeURIComponent(url.hash.slice(1)))) {
        broken.push(`${from} → ${link}: no element with id ${url.hash}`);
      }
    }
  }
  return broken;
}
