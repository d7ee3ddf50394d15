import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { type Digits, unpackDigits } from "@gradbook/classify";

// What the draw page's test files share: opening the page, the test digits it offers, and
// drawing one of them with a scripted pointer.

/**
 * Opens draw.html of the site at `base` and waits until the net and the test digits are in;
 * returns the page's errors, collected from then on. Waits with selectors only: the page's
 * content security policy may be on (playwright's waitForFunction needs eval).
 */
export async function openDraw(page: Page, base: string): Promise<string[]> {
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`uncaught: ${error.message}`));
  page.on(
    "console",
    (message) => message.type() === "error" && problems.push(`console: ${message.text()}`),
  );
  await page.goto(`${base}draw.html`);
  await page.waitForSelector('body[data-draw-ready="true"] #test-digit:not([disabled])', {
    state: "attached",
  });
  return problems;
}

/** The test digits the page offers, read from the built site's digits.bin. */
export function offeredDigits(dir: string): Digits {
  return unpackDigits(new Uint8Array(readFileSync(join(dir, "assets/draw/digits.bin"))));
}

/** Draws a 28 × 28 digit on the pad: one pointer stroke along each run of ink (grey level ≥ 128) in each row. */
export async function drawDigit(page: Page, pixels: ArrayLike<number>): Promise<void> {
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
