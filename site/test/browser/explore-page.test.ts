import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { seriousViolations } from "./axe.ts";
import { pageWeight } from "./weight.ts";
import { DONE, epochOf, explorer, PAUSED, values } from "./explore-harness.ts";
import { RESULTS } from "./results.ts";

// The XOR explorer as a page: it pauses, stays responsive while it trains, reads a link as input,
// and reads well at 390 px in both colour schemes.

const { browser, needsChromium, open, site } = explorer();

describe("the XOR explorer as a page", () => {
  it("pauses: the epoch counter stops, and the keyboard alone plays and pauses", async (ctx) => {
    needsChromium(ctx);
    await open("?epochs=20000", {}, async (page) => {
      await page.selectOption("#speed", "100");
      await page.focus("#play");
      await page.keyboard.press("Enter");
      await page.waitForFunction(`Number(/Epoch (\\d+)/.exec(document.querySelector("#epoch-count").textContent)[1]) >= 5`);
      await page.keyboard.press("Enter"); // the button now reads Pause
      await page.waitForFunction(PAUSED);
      const paused = await epochOf(page);
      // At 100 epochs a second, a second is a hundred epochs the counter would have moved.
      await page.waitForTimeout(1000);
      expect(await epochOf(page)).toBe(paused);
      expect(await page.textContent("#play")).toBe("Play");
      expect(paused).toBeLessThan(20_000);
    });
  });

  it("handles an input event while it trains as fast as when idle, and within 100 ms of that", async (ctx) => {
    needsChromium(ctx);
    // Training runs in a worker, so the page's own thread answers a key as it does when idle.
    // Compared with the idle page beside it, not with a fixed time: on a busy machine both slow.
    // Two moons for 20000 epochs: two million steps, far more than the test waits for.
    await open("?data=moons&seed=1&hidden=8,8&epochs=20000", {}, async (page) => {
      await page.evaluate(`window.latencies = []; document.querySelector("#c-lr").addEventListener("input", (e) => latencies.push(performance.now() - e.timeStamp))`);
      const typeTen = async () => {
        await page.evaluate("latencies.length = 0");
        await page.focus("#c-lr");
        await page.keyboard.type("0123456789", { delay: 30 });
        const typed = (await page.evaluate("latencies")) as number[];
        expect(typed).toHaveLength(10);
        return typed;
      };
      const idle = await typeTen();
      await page.fill("#c-lr", "0.01");
      await page.click("#end");
      await page.waitForFunction(`Number(/Epoch (\\d+)/.exec(document.querySelector("#epoch-count").textContent)[1]) >= 1`);
      const before = await epochOf(page);
      const training = await typeTen();
      await page.waitForFunction(`Number(/Epoch (\\d+)/.exec(document.querySelector("#epoch-count").textContent)[1]) > ${before}`);
      expect(await page.evaluate(DONE)).toBe(false); // still training while the keys were handled
      const round = (ms: number[]) => ms.map((m) => Math.round(m * 10) / 10);
      writeFileSync(join(RESULTS, "explore-latency.json"), JSON.stringify({ idleMs: round(idle), trainingMs: round(training) }) + "\n");
      expect(Math.max(...training), JSON.stringify({ idle, training })).toBeLessThan(Math.max(...idle) + 100);
    });
  });

  it("refuses bad values in its URL with a message naming each, falls back to the defaults, and inserts none of it as markup", async (ctx) => {
    needsChromium(ctx);
    const bad = `?loss=hinge&lr=abc&hidden=1e9,-3&epochs=999999&momentum=1&bogus=${encodeURIComponent('<img src=x onerror="window.pwned=1">')}`;
    await open(bad, {}, async (page) => {
      const message = (await page.textContent("#url-error")) ?? "";
      for (const part of [
        'bogus: not a setting here; expected one of data, hidden, output-activation, loss, lr, momentum, seed, epochs, order, log-every. Ignored.',
        'loss: expected one of l1, mse, bce-with-logits, got "hinge"',
        'lr: expected a positive number, got "abc"',
        'momentum: expected a number in [0, 1), got "1"',
        'epochs: expected an integer in [0, 20000], got "999999"',
        'hidden: expected layer sizes that are positive integers separated by commas, like 5,4, got "1e9,-3"',
      ]) expect(message).toContain(part);
      expect(await values(page)).toMatchObject({ loss: "l1", lr: "0.02", momentum: "0.9", hidden: "5,4", epochs: "2001" });
      expect(await page.evaluate("location.search")).toBe("");
      expect(await page.locator("main img").count()).toBe(0);
      expect(await page.evaluate("window.pwned")).toBeUndefined();
      // The form says the same of a value typed into it, and keeps the run it had.
      await page.fill("#c-hidden", "9");
      await page.locator("#c-hidden").dispatchEvent("change");
      await page.waitForFunction(`!document.querySelector("#form-error").hidden`);
      expect(await page.textContent("#form-error")).toContain("hidden: expected at most 3 layers of at most 8 neurons");
      expect(await page.evaluate("location.search")).toBe("");
    });
  });

  it("stops a diverging run with fit's message, naming the epoch and the learning rate, as the command does", async (ctx) => {
    needsChromium(ctx);
    await open("?loss=mse&lr=50&epochs=500", {}, async (page) => {
      await page.click("#end");
      await page.waitForFunction(PAUSED);
      await page.waitForFunction(`document.querySelector("#run-error").textContent !== ""`);
      expect(await page.textContent("#run-error")).toMatch(/^fit: the loss became (NaN|infinite) at epoch \d+ \(step \d+\) with lr 50 — the learning rate is probably too large$/);
    });
  });

  it("reads at 390 px in light and dark, has no serious accessibility violation, and loads little JavaScript, on this page only", async (ctx) => {
    needsChromium(ctx);
    const violations: string[] = [];
    // Each width is loaded in one scheme and then switched to the other, as a change of the
    // system's setting switches it: both schemes at both widths, one run to the end each.
    for (const [width, schemes] of [[1280, ["light", "dark"]], [390, ["dark", "light"]]] as const) {
      await open("", { viewport: { width, height: 900 }, colorScheme: schemes[0] }, async (page) => {
        await page.click("#end");
        await page.waitForFunction(DONE);
        await page.focus("#params tbody tr:nth-child(8)"); // W2[0,2]'s row: its edge lights up
        expect(await page.locator("#diagram .hot").count()).toBe(1);
        expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(width);
        for (const colorScheme of schemes) {
          await page.emulateMedia({ colorScheme });
          violations.push(...(await seriousViolations(page)).map((v) => `${width} ${colorScheme}: ${v}`));
          await page.screenshot({ path: join(RESULTS, `explore-${width}-${colorScheme}.png`), fullPage: true });
        }
      });
    }
    expect(violations).toEqual([]);
    const weight = await pageWeight(browser(), `${site().base}explore.html`, true);
    const explorer = readFileSync(join(site().dir, "explore.html"), "utf8");
    expect(explorer).toContain("assets/explore/explore.js");
    for (const href of site().report.lessons) expect(readFileSync(join(site().dir, href), "utf8")).not.toContain("assets/explore/");
    // The explorer's own files, gzipped as a server would send them: for the notes.
    const files = readdirSync(join(site().dir, "assets/explore"));
    const gzipped = Object.fromEntries(files.map((f) => [f, gzipSync(readFileSync(join(site().dir, "assets/explore", f))).length]));
    writeFileSync(join(RESULTS, "explore-weight.json"), JSON.stringify({ page: weight, explorerFilesGzipped: gzipped }, null, 1) + "\n");
    expect(weight.js.transferred).toBeLessThan(60 * 1024); // the site's script, the explorer's and its worker, gzipped
  });
});
