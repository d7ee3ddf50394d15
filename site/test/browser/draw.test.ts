import { PIXELS } from "@gradbook/classify";
import { describe, expect, it } from "vitest";
import { seriousViolations } from "./axe.ts";
import { drawDigit, offeredDigits, openDraw } from "./draw-page.ts";
import { useBrowserSites } from "./harness.ts";

// The draw-a-digit page (the same in every site: the fixture course's is visited, it builds
// sooner): a test digit drawn by a scripted pointer, row by row, is read as that digit; the
// keyboard alone picks test digits; it passes axe and fits 390 px in either scheme, trained too.

const sites = useBrowserSites();

describe("the draw-a-digit page", () => {
  it("reads a test digit drawn with the pointer as that digit", async (ctx) => {
    sites.needsChromium(ctx);
    const offered = offeredDigits(sites.fixture.dir);
    expect(offered.size).toBe(50);
    await sites.withContext({ viewport: { width: 390, height: 900 } }, async (context) => {
      const page = await context.newPage();
      const problems = await openDraw(page, sites.fixture.base);
      // Five of the offered digits, of five classes (measured: 9 of every 5th digit's 10 drawn this way are read right).
      for (const i of [0, 5, 10, 15, 30]) {
        const label = offered.labels[i]!;
        await page.click("#clear");
        await drawDigit(page, offered.images.subarray(i * PIXELS, (i + 1) * PIXELS));
        await page.waitForSelector(`#verdict[data-digit="${label}"]`, { state: "attached" });
        expect(await page.textContent("#verdict")).toMatch(
          new RegExp(`^The net reads an? ${label}, with probability \\d+\\.\\d%\\.$`),
        );
      }
      expect(problems).toEqual([]);
    });
  });

  it("lets the keyboard alone pick a test digit, and shows the net's answer", async (ctx) => {
    sites.needsChromium(ctx);
    await sites.withContext({}, async (context) => {
      const page = await context.newPage();
      await openDraw(page, sites.fixture.base);
      await page.keyboard.press("Tab"); // from the page's start, along the tab order to the picker
      for (let tabs = 0; (await page.evaluate("document.activeElement.id")) !== "test-digit"; ) {
        expect(++tabs, "Tab never reaches the test-digit picker").toBeLessThan(40);
        await page.keyboard.press("Tab");
      }
      await page.keyboard.press("ArrowDown");
      const label = /: an? (\d)$/.exec(
        (await page.locator("#test-digit option:checked").textContent()) ?? "",
      )![1]!;
      await page.waitForSelector('#verdict:not([data-digit=""])', { state: "attached" });
      expect(await page.getAttribute("#verdict", "data-digit")).toBe(label);
      const bars = await page.locator(".bars .value").allTextContents();
      const total = bars.reduce((sum, text) => sum + Number(text.replace("%", "")), 0);
      expect(total).toBeCloseTo(100, 0); // ten probabilities, rounded to 0.1 each
    });
  });

  for (const scheme of ["light", "dark"] as const)
    it(`passes axe and fits 390 px wide in the ${scheme} scheme, before and after training a net`, async (ctx) => {
      sites.needsChromium(ctx);
      await sites.withContext(
        { viewport: { width: 390, height: 900 }, colorScheme: scheme },
        async (context) => {
          const page = await context.newPage();
          await openDraw(page, sites.fixture.base);
          await page.selectOption("#test-digit", "1");
          await page.waitForSelector('#verdict:not([data-digit=""])', { state: "attached" });
          const check = async () => {
            expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(
              390,
            );
            expect(await seriousViolations(page)).toEqual([]);
          };
          await check();
          // A tiny run, for the curves, the table of epochs and the choice of nets.
          await page.selectOption("#train-hidden", "16");
          await page.fill("#train-epochs", "2");
          await page.selectOption("#train-digits", "500");
          await page.click("#train");
          await page.waitForSelector('#train-box[data-state="done"]', { state: "attached" });
          await check();
        },
      );
    });
});
