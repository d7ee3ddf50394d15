import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { block, edit, lessonStatus, resultOf, runTo } from "./editing.ts";
import { useBrowserSites } from "./harness.ts";
import { screenshot } from "./results.ts";

// Figures a reader's code draws can be hostile in ways beyond script (hostile.test.ts): a few
// hundred bytes of nested <use> that draw a billion circles, megabytes of elements, CSS that
// restyles the page, ids that take the place of the page's own. Each was shown doing harm (a tab
// hung for minutes, the Run buttons hidden, a block's result written into another's figure)
// before the sanitiser learnt to count, scope and prefix. Page code is written as strings.

const sites = useBrowserSites();
const RUNNING = () => sites.fixture.base + "02-running.html";

const SVG = (inner: string, attributes = "") =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" ${attributes}>${inner}</svg>`;
/** Shows each figure of `svgs` with alternative "figure N". */
const showing = (svgs: string[]) =>
  `const svgs: string[] = ${JSON.stringify(svgs)};\nsvgs.forEach((svg, i) => show({ svg, alt: "figure " + (i + 1) }));\n`;

/** Ten levels of ten `<use>` of the level below: 10^8 circles from ~2 KB. */
function billionLaughs(): string {
  let defs = '<g id="l0"><circle r="1"/></g>';
  for (let i = 1; i <= 8; i++) defs += `<g id="l${i}">${`<use href="#l${i - 1}"/>`.repeat(10)}</g>`;
  return SVG(`<defs>${defs}</defs><use href="#l8"/>`);
}

async function withRunningPage(work: (page: Page) => Promise<void>): Promise<void> {
  await sites.withContext({}, async (context) => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(RUNNING());
    await work(page);
    expect(errors).toEqual([]);
  });
}

describe("hostile figures", () => {
  it("refuses a figure that would draw more than 25,000 elements (nested <use>, megabytes of circles), nests too deep or holds megabytes of text, and a block's figures past their share", async (ctx) => {
    sites.needsChromium(ctx);
    await withRunningPage(async (page) => {
      const circles = (n: number) => SVG('<circle r="1"/>'.repeat(n));
      const deep = SVG(`${"<g>".repeat(70)}<circle r="1"/>${"</g>".repeat(70)}`);
      const text = SVG(`<text y="5">${"word ".repeat(20_000)}</text>`);
      await edit(
        page,
        0,
        showing([circles(12_000), billionLaughs(), text, circles(240_000), deep]),
      );
      await runTo(page, 0);
      const refused = (await page.evaluate(
        `[...document.querySelectorAll(".run-result figure")].map((f) => f.querySelector(".run-note")?.textContent ?? "shown")`,
      )) as string[];
      expect(refused).toEqual([
        "shown",
        "Not shown: this figure would draw more than 25,000 elements, more than the page draws.",
        "Not shown: this figure holds more than 50,000 characters of text, more than the page draws.",
        "Not shown: this figure would draw more than 25,000 elements, more than the page draws.",
        "Not shown: this figure nests more than 64 levels deep, more than the page draws.",
      ]);
      // The block's share: 12,000 + 12,000 fit, a third does not.
      await edit(page, 0, showing([circles(12_000), circles(12_000), circles(12_000)]));
      await runTo(page, 0);
      expect(await page.locator(".run-result figure svg").count()).toBe(2);
      expect(await resultOf(page, 0)).toContain(
        "Not shown: with it, this block's figures would draw more than 25,000 elements, more than the page draws.",
      );
      expect(await lessonStatus(page)).toMatch(/^Ran in \d+ ms\.$/);
    });
  });

  it("keeps a figure's CSS and position inside its own box: the page's look and buttons stay", async (ctx) => {
    sites.needsChromium(ctx);
    await withRunningPage(async (page) => {
      const style = [
        "circle { fill: rgb(0, 128, 0); }",
        "body { background: rgb(255, 0, 0) !important; }",
        "button { display: none !important; }",
        "@font-face { font-family: x; src: local(Arial); }",
        "} .run-button { visibility: hidden !important; } {",
      ].join("\n");
      const overlay = SVG(
        `<style>${style}</style><circle cx="5" cy="5" r="4"/>`,
        'style="position: fixed; inset: 0; width: 100vw; height: 100vh; z-index: 99999"',
      );
      await edit(page, 0, showing([overlay]));
      await runTo(page, 0);
      await page.evaluate(
        `document.querySelector(".run-button").scrollIntoView({ block: "center" })`,
      ); // no wait: it may be hidden
      const seen = (await page.evaluate(`(() => {
        const run = document.querySelector(".run-button");
        const at = run.getBoundingClientRect();
        return {
          background: getComputedStyle(document.body).backgroundColor,
          runButton: getComputedStyle(run).display !== "none" && getComputedStyle(run).visibility,
          // What a click on the Run button reaches: the button, not a figure laid over the page.
          onTop: document.elementFromPoint(at.x + at.width / 2, at.y + at.height / 2)?.closest("button, svg")?.getAttribute("class"),
          circle: getComputedStyle(document.querySelector(".run-result circle")).fill,
        };
      })()`)) as Record<string, unknown>;
      expect(seen).toEqual({
        background: expect.not.stringMatching(/rgb\(255, 0, 0\)/),
        runButton: "visible",
        onTop: "run-button",
        circle: "rgb(0, 128, 0)", // its own rules still apply to it
      });
      await block(page, 0).scrollIntoViewIfNeeded();
      await screenshot(page, "hostile-figure-style.png");
    });
  });

  it("gives a figure's ids a prefix: a figure cannot take the place of a block's result box", async (ctx) => {
    sites.needsChromium(ctx);
    await withRunningPage(async (page) => {
      const second = await block(page, 1).getAttribute("data-line");
      await edit(
        page,
        0,
        `const counts = [1, 2, 3];\nshow({ svg: ${JSON.stringify(SVG(`<g id="run-result-${second}"/><clipPath id="c"><rect width="5" height="5"/></clipPath><circle r="4" clip-path="url(#c)"/>`))}, alt: "ids" });\n`,
      );
      await runTo(page, "all");
      // Block 2 (a throws block) reports in its own box, not inside block 1's figure.
      expect(await resultOf(page, 1)).toMatch(/^Your browser printed the same/);
      expect(await page.evaluate(`document.getElementById("run-result-${second}").tagName`)).toBe(
        "DIV",
      );
      // The figure's own reference still finds its clip path.
      const clip = (await page.evaluate(
        `document.querySelector(".run-result circle").getAttribute("clip-path")`,
      )) as string;
      const id = /^url\(#(.+)\)$/.exec(clip)?.[1];
      expect(await page.evaluate(`document.getElementById(${JSON.stringify(id)})?.tagName`)).toBe(
        "clipPath",
      );
    });
  });
});
