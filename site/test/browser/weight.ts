import type { Browser, Page } from "playwright-core";
import { inContext } from "./chromium.ts";
import { mapLimit } from "./pool.ts";
import { loadSettled, trackRequests } from "./settle.ts";

/** The kinds of bytes a page loads. */
type Kind = "html" | "css" | "fonts" | "js" | "other";

/** Bytes a page loads by kind: as files (`raw`) and as sent (`transferred`, gzipped text). */
export type PageWeight = Record<Kind, { raw: number; transferred: number }>;

const KINDS: Record<string, Kind> = {
  document: "html",
  stylesheet: "css",
  font: "fonts",
  script: "js",
};

/** Loads `url` in a fresh context (nothing cached) and adds up every response; `inspect` may look at the loaded page too. */
export async function pageWeight(
  browser: Browser,
  url: string,
  javaScript: boolean,
  inspect?: (page: Page) => Promise<void>,
): Promise<PageWeight> {
  return inContext(browser, { javaScriptEnabled: javaScript }, async (context) => {
    const page = await context.newPage();
    const sizes: Promise<[Kind, number, number]>[] = [];
    const requests = trackRequests(page);
    page.on("requestfinished", (request) => {
      const kind = KINDS[request.resourceType()] ?? "other";
      sizes.push(
        Promise.all([request.response().then((r) => r?.body()), request.sizes()]).then(
          ([body, size]) => [kind, body?.length ?? 0, size.responseBodySize],
          () => [kind, 0, 0],
        ),
      );
    });
    // Fonts are asked for only once the page is laid out: wait for them and every other request.
    await loadSettled(page, url, requests);
    await inspect?.(page);
    const weight = Object.fromEntries(
      ["html", "css", "fonts", "js", "other"].map((k) => [k, { raw: 0, transferred: 0 }]),
    ) as PageWeight;
    for (const [kind, raw, transferred] of await Promise.all(sizes)) {
      weight[kind].raw += raw;
      weight[kind].transferred += transferred;
    }
    return weight;
  });
}

/** The total of some kinds of a weight. */
function total(weight: PageWeight, kinds: Kind[], measure: "raw" | "transferred"): number {
  return kinds.reduce((sum, kind) => sum + weight[kind][measure], 0);
}

const PAGE: Kind[] = ["html", "css", "fonts", "other"];
const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;

/** A page's weight as sent, by kind, for a failure message: "html 48.1 KB, css 6.3 KB, …". */
export function describeWeight(weight: PageWeight): string {
  return PAGE.map((kind) => `${kind} ${kb(weight[kind].transferred)} KB`).join(", ");
}

/**
 * Weighs lesson pages without JavaScript (HTML + CSS + the fonts they load), and the optional
 * JavaScript once (the same on every lesson page): the totals, and a report in KB for the notes.
 * `inspect` looks at each page as loaded without JavaScript.
 */
export async function weighLessonPages(
  browser: Browser,
  urls: string[],
  inspect?: (page: Page, url: string) => Promise<void>,
): Promise<{
  pages: { url: string; transferred: number; js: number; weight: PageWeight }[];
  report: Record<string, unknown>;
}> {
  const weights = await mapLimit(urls, 4, (url) =>
    pageWeight(browser, url, false, inspect && ((page) => inspect(page, url))),
  );
  const js = (await pageWeight(browser, urls[0]!, true)).js;
  const report: Record<string, unknown> = {
    javaScriptKB: { raw: kb(js.raw), transferred: kb(js.transferred) },
  };
  const pages = weights.map((weight, i) => {
    const url = urls[i]!;
    report[new URL(url).pathname.slice(1)] = {
      raw: kb(total(weight, PAGE, "raw")),
      transferred: kb(total(weight, PAGE, "transferred")),
      byKind: weight,
    };
    return { url, transferred: total(weight, PAGE, "transferred"), js: weight.js.raw, weight };
  });
  return { pages, report };
}
