import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { seriousViolations } from "./axe.ts";
import { useBrowserSites } from "./harness.ts";

// The draw-a-digit page: a test digit drawn by a scripted pointer, row by row, is read as that
// digit; the keyboard alone picks test digits; it passes axe and fits 390 px in either scheme.

const sites = useBrowserSites();

/** The test digits the page offers (digits.bin: labels, then 784 grey levels each), read in the page. */
const OFFERED = `(async () => {
  const b = new Uint8Array(await (await fetch("assets/draw/digits.bin")).arrayBuffer());
  const n = b.length / 785;
  return Array.from({ length: n }, (_, i) => ({ label: b[i], pixels: Array.from(b.subarray(n + i * 784, n + (i + 1) * 784)) }));
})()`;

async function open(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`uncaught: ${error.message}`));
  page.on(
    "console",
    (message) => message.type() === "error" && problems.push(`console: ${message.text()}`),
  );
  await page.goto(`${sites.course.base}draw.html`);
  await page.waitForFunction(
    `document.body.dataset.drawReady === "true" && !document.querySelector("#test-digit").disabled`,
  );
  return problems;
}

/** Draws a 28 × 28 digit on the pad: one pointer stroke along each run of ink (grey level ≥ 128) in each row. */
async function drawDigit(page: Page, pixels: number[]): Promise<void> {
  const box = (await page.locator("#pad").boundingBox())!;
  const s = box.width / 28;
  for (let y = 0; y < 28; y++) {
    for (let x = 0; x < 28; ) {
      if (pixels[y * 28 + x]! < 128) {
        x++;
        continue;
      }
      let end = x;
      while (end + 1 < 28 && pixels[y * 28 + end + 1]! >= 128) end++;
      await page.mouse.move(box.x + (x + 0.5) * s, box.y + (y + 0.5) * s);
      await page.mouse.down();
      await page.mouse.move(box.x + (end + 0.5) * s, box.y + (y + 0.5) * s, { steps: 2 });
      await page.mouse.up();
      x = end + 1;
    }
  }
}

describe("the draw-a-digit page", () => {
  it("reads a test digit drawn with the pointer as that digit", async (ctx) => {
    sites.needsChromium(ctx);
    await sites.withContext({ viewport: { width: 390, height: 900 } }, async (context) => {
      const page = await context.newPage();
      const problems = await open(page);
      const offered = (await page.evaluate(OFFERED)) as { label: number; pixels: number[] }[];
      expect(offered).toHaveLength(50);
      // Five of the offered digits, of five classes (measured: 9 of every 5th digit's 10 drawn this way are read right).
      for (const i of [0, 5, 10, 15, 30]) {
        await page.click("#clear");
        await drawDigit(page, offered[i]!.pixels);
        await page.waitForFunction(
          `document.querySelector("#verdict").dataset.digit === "${offered[i]!.label}"`,
        );
        expect(await page.textContent("#verdict")).toMatch(
          new RegExp(`^The net reads an? ${offered[i]!.label}, with probability \\d+\\.\\d%\\.$`),
        );
      }
      expect(problems).toEqual([]);
    });
  });

  it("lets the keyboard alone pick a test digit, and shows the net's answer", async (ctx) => {
    sites.needsChromium(ctx);
    await sites.withContext({}, async (context) => {
      const page = await context.newPage();
      await open(page);
      await page.focus("#test-digit");
      await page.keyboard.press("ArrowDown");
      const label = /: an? (\d)$/.exec(
        (await page.locator("#test-digit option:checked").textContent()) ?? "",
      )![1]!;
      await page.waitForFunction(`document.querySelector("#verdict").dataset.digit !== ""`);
      expect(await page.getAttribute("#verdict", "data-digit")).toBe(label);
      const bars = await page.locator(".bars .value").allTextContents();
      const total = bars.reduce((sum, text) => sum + Number(text.replace("%", "")), 0);
      expect(total).toBeCloseTo(100, 0); // ten probabilities, rounded to 0.1 each
    });
  });

  for (const scheme of ["light", "dark"] as const)
    it(`passes axe and fits 390 px wide in the ${scheme} scheme`, async (ctx) => {
      sites.needsChromium(ctx);
      await sites.withContext(
        { viewport: { width: 390, height: 900 }, colorScheme: scheme },
        async (context) => {
          const page = await context.newPage();
          await open(page);
          await page.selectOption("#test-digit", "1");
          await page.waitForFunction(`document.querySelector("#verdict").dataset.digit !== ""`);
          expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(
            390,
          );
          expect(await seriousViolations(page)).toEqual([]);
        },
      );
    });
});
