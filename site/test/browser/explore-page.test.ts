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

const { browser, needsChromium, open, site, xor, xorRun } = explorer();

describe("the XOR explorer as a page", () => {
  it("pauses: the epoch counter stops, and the keyboard alone plays and pauses", async (ctx) => {
    needsChromium(ctx);
    await open("?epochs=20000", {}, async (page) => {
      await page.selectOption("#speed", "100");
      await page.focus("#play");
      await page.keyboard.press("Enter");
      await page.waitForFunction(
        `Number(/Epoch (\\d+)/.exec(document.querySelector("#epoch-count").textContent)[1]) >= 5`,
      );
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

  // The heaviest run the page allows: 100 points, six hidden layers of 8, 20,000 epochs.
  const HEAVIEST = "?data=spiral&hidden=8,8,8,8,8,8&seed=1&epochs=20000";
  /** How much later than on the idle page an input may be answered while the heaviest run trains (ms): the bound. */
  const INPUT_SLACK_MS = 100;
  /** How much later than on the idle page Reset may be answered by the worker while it trains (ms): a slice and a frame, generously. */
  const RESET_SLACK_MS = 1000;

  it("answers inputs while the heaviest run trains as fast as when idle, within 100 ms of that, Reset included, and says how long the run will take", async (ctx) => {
    needsChromium(ctx);
    // Compared with the idle page, not with a fixed time: on a busy machine both slow.
    await open(HEAVIEST, {}, async (page) => {
      await page.evaluate(`window.latencies = []; document.querySelector("#c-lr").addEventListener("input", (e) => latencies.push(performance.now() - e.timeStamp));
        window.longTasks = []; new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((e) => e.duration))).observe({ type: "longtask" })`);
      const typeTen = async () => {
        await page.evaluate("latencies.length = 0");
        await page.focus("#c-lr");
        await page.keyboard.type("0123456789", { delay: 30 });
        const typed = (await page.evaluate("latencies")) as number[];
        expect(typed).toHaveLength(10);
        return typed;
      };
      // Reset: from the click to the worker's answer on screen (the counter back at epoch 0, paused).
      const resetMs = async () => {
        await page.evaluate(`window.resetAnswered = undefined; const counter = document.querySelector("#epoch-count"); const clicked = performance.now();
          new MutationObserver((_, observer) => { if (/^Epoch 0 of/.test(counter.textContent) && document.querySelector("article.explore").dataset.playing === "false") { resetAnswered = performance.now() - clicked; observer.disconnect(); } }).observe(counter, { childList: true, characterData: true, subtree: true });
          document.querySelector("#reset").click()`);
        await page.waitForFunction("window.resetAnswered !== undefined");
        return (await page.evaluate("resetAnswered")) as number;
      };
      const idle = await typeTen();
      await page.fill("#c-lr", "0.02");
      await page.locator("#c-lr").dispatchEvent("change");
      const idleReset = await resetMs();
      await page.evaluate("longTasks.length = 0");
      await page.click("#end");
      await page.waitForFunction(
        `Number(/Epoch (\\d+)/.exec(document.querySelector("#epoch-count").textContent)[1]) >= 20`,
      );
      // The estimate needs a few of the run's epochs timed first: wait for it to appear.
      await page.waitForFunction(
        `/about .* left/.test(document.querySelector("#eta").textContent)`,
      );
      expect(await page.textContent("#eta")).toMatch(/about .* left/);
      const before = await epochOf(page);
      const training = await typeTen();
      await page.waitForFunction(
        `Number(/Epoch (\\d+)/.exec(document.querySelector("#epoch-count").textContent)[1]) > ${before}`,
      );
      expect(await page.evaluate(DONE)).toBe(false); // still training while the keys were handled
      const trainingReset = await resetMs();
      const longTasks = (await page.evaluate("longTasks")) as number[];
      const round = (ms: number[]) => ms.map((m) => Math.round(m * 10) / 10);
      const figures = {
        idleMs: round(idle),
        trainingMs: round(training),
        idleResetMs: round([idleReset]),
        trainingResetMs: round([trainingReset]),
        longTasksMs: round(longTasks),
      };
      writeFileSync(join(RESULTS, "explore-latency.json"), JSON.stringify(figures) + "\n");
      expect(Math.max(...training), JSON.stringify(figures)).toBeLessThan(
        Math.max(...idle) + INPUT_SLACK_MS,
      );
      expect(trainingReset, JSON.stringify(figures)).toBeLessThan(idleReset + RESET_SLACK_MS);
    });
  });

  // The bound on a slow machine, made the same on every machine: chromium's CPU slowdown
  // (4×) on the page. What it measures depends on the machine, so it is recorded and printed (the
  // notes quote it); the test asserts only what does not: every key typed reaches the field, the
  // run trains on meanwhile, and the page keeps drawing it.
  it("under a 4× CPU slowdown keeps every key and the run going while the heaviest network trains, and records its long tasks and input delays", async (ctx) => {
    needsChromium(ctx);
    await open(HEAVIEST, { viewport: { width: 1280, height: 800 } }, async (page) => {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
      await page.evaluate(`window.longTasks = []; new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((e) => e.duration))).observe({ type: "longtask" });
        window.delays = []; document.querySelector("#c-epochs").addEventListener("input", (e) => delays.push(performance.now() - e.timeStamp));
        window.frames = 0; new MutationObserver(() => frames++).observe(document.querySelector("#epoch-count"), { childList: true, characterData: true, subtree: true })`);
      await page.click("#end");
      await page.waitForFunction("frames >= 3");
      const before = await epochOf(page);
      const started = Date.now();
      await page.fill("#c-epochs", "");
      await page.evaluate("delays.length = 0"); // the field's clearing was an input too
      await page.keyboard.type("12345678901234567890", { delay: 50 });
      await page.waitForFunction(
        `frames >= 6 && Number(/Epoch (\\d+)/.exec(document.querySelector("#epoch-count").textContent)[1]) > ${before}`,
      );
      const seconds = (Date.now() - started) / 1000;
      expect(await page.inputValue("#c-epochs")).toBe("12345678901234567890");
      const delays = (await page.evaluate("delays")) as number[];
      expect(delays).toHaveLength(20);
      expect(await page.evaluate(DONE)).toBe(false);
      const longTasks = ((await page.evaluate("longTasks")) as number[]).sort((a, b) => b - a);
      const round = (ms: number) => Math.round(ms);
      const figures = {
        cpuSlowdown: 4,
        seconds: Math.round(seconds),
        epochs: (await epochOf(page)) - before,
        frames: await page.evaluate("frames"),
        longTasks: longTasks.length,
        longestTasksMs: longTasks.slice(0, 5).map(round),
        medianLongTaskMs: round(longTasks[longTasks.length >> 1] ?? 0),
        inputDelayMaxMs: round(Math.max(...delays)),
        inputDelayMedianMs: round(delays.sort((a, b) => a - b)[delays.length >> 1]!),
      };
      console.log(`explorer under a 4× CPU slowdown: ${JSON.stringify(figures)}`);
      writeFileSync(join(RESULTS, "explore-throttled.json"), JSON.stringify(figures) + "\n");
    });
  });

  it("leaves the tables under the plots alone while training out of view (they re-laid the whole page each frame), and brings them up to date in view and at a pause", async (ctx) => {
    needsChromium(ctx);
    await open(HEAVIEST, { viewport: { width: 1280, height: 800 } }, async (page) => {
      await page.evaluate(
        `window.changes = 0; new MutationObserver((records) => (changes += records.length)).observe(document.querySelector("#params"), { childList: true, characterData: true, subtree: true })`,
      );
      await page.click("#end");
      await page.waitForFunction(
        `Number(/Epoch (\\d+)/.exec(document.querySelector("#epoch-count").textContent)[1]) >= 3`,
      );
      expect(await page.evaluate("changes")).toBe(0);
      // In view, it follows the run: the next frames change it.
      await page.locator("#params").scrollIntoViewIfNeeded();
      await page.waitForFunction("changes > 0");
      // Out of view again and paused: the pause's frame brings it up to date.
      await page.evaluate("window.scrollTo(0, 0)");
      await page.click("#play"); // Pause
      await page.waitForFunction(PAUSED);
      // The output's bias: its L1 gradient is ±1, so a step moves it by about the learning rate,
      // where a first layer's weight, six layers from the loss, may move less than the last decimal.
      const shown = await page.locator("#params tbody tr:last-child td").first().textContent();
      await page.click("#step");
      await page.waitForFunction(
        `document.querySelector("#params tbody tr:last-child td").textContent !== ${JSON.stringify(shown)}`,
      );
    });
  });

  it("says so when Play, a step or an epoch is asked of a run that has ended, and Play starts it again", async (ctx) => {
    needsChromium(ctx);
    const cli = xor("--epochs", "30", "--log-every", "10")
      .split("\n")
      .filter((line) => line.startsWith("Epoch: "));
    await open("?epochs=30&log-every=10", {}, async (page) => {
      await page.click("#end");
      await page.waitForFunction(DONE);
      for (const button of ["#step", "#epoch"]) {
        await page.evaluate(`document.querySelector("#run-status").textContent = ""`);
        await page.click(button);
        await page.waitForFunction(`document.querySelector("#run-status").textContent !== ""`);
        expect(await page.textContent("#run-status")).toMatch(
          /^The run has ended at epoch 30\. Play starts it again/,
        );
      }
      await page.click("#play");
      await page.waitForFunction(
        `document.querySelector("#run-status").textContent.startsWith("Started again")`,
      );
      await page.waitForFunction(DONE);
      expect(((await page.textContent("#log")) ?? "").trimEnd().split("\n")).toEqual(cli);
    });
  });

  it("refuses bad values in its URL with a message naming each, falls back to the defaults, and inserts none of it as markup", async (ctx) => {
    needsChromium(ctx);
    const bad = `?loss=hinge&lr=abc&hidden=1e9,-3&epochs=999999&momentum=1&bogus=${encodeURIComponent('<img src=x onerror="window.pwned=1">')}`;
    await open(bad, {}, async (page) => {
      const message = (await page.textContent("#url-error")) ?? "";
      for (const part of [
        '"bogus": not a setting here; expected one of data, noise, data-seed, test-split, features, hidden, activation, output-activation, loss, l1, l2, lr, momentum, batch-size, seed, epochs, order, log-every, discretize, show-test. Ignored.',
        'loss: expected one of l1, mse, bce-with-logits, got "hinge"',
        'lr: expected a positive number, got "abc"',
        'momentum: expected a number in [0, 1), got "1"',
        'epochs: expected an integer in [0, 20000], got "999999"',
        'hidden: expected layer sizes that are positive integers separated by commas, like 5,4, got "1e9,-3"',
      ])
        expect(message).toContain(part);
      expect(await values(page)).toMatchObject({
        loss: "l1",
        lr: "0.02",
        momentum: "0.9",
        hidden: "5,4",
        epochs: "2001",
      });
      expect(await page.evaluate("location.search")).toBe("");
      expect(await page.locator("main img").count()).toBe(0);
      expect(await page.evaluate("window.pwned")).toBeUndefined();
      // The form says the same of a value typed into it, beside it, and keeps the run it had.
      await page.fill("#c-hidden", "9");
      await page.locator("#c-hidden").dispatchEvent("change");
      await page.waitForFunction(`!document.querySelector("#c-hidden-error").hidden`);
      expect(await page.textContent("#c-hidden-error")).toContain(
        "hidden: expected at most 6 layers of at most 8 neurons",
      );
      expect(await page.evaluate("location.search")).toBe("");
    });
  });

  it("stops a diverging run where pnpm xor stops it, with its message, and shows its huge numbers legibly", async (ctx) => {
    needsChromium(ctx);
    const cli = xorRun("--loss", "mse", "--lr", "0.5");
    expect(cli.code).toBe(1);
    const message = /^gradbook xor: (.*)$/m.exec(cli.err)![1]!;
    const [, epoch, step] = /at epoch (\d+) \(step (\d+)\)/.exec(message)!.map(Number);
    expect(epoch).toBeGreaterThan(0);
    await open("?loss=mse&lr=0.5", {}, async (page) => {
      await page.click("#end");
      await page.waitForFunction(PAUSED);
      await page.waitForFunction(`document.querySelector("#run-error").textContent !== ""`);
      expect(await page.textContent("#run-error")).toBe(message);
      // The counter stops on the step that failed: 4 steps an epoch, so step (step mod 4) of its epoch.
      expect(await page.textContent("#epoch-count")).toBe(
        `Epoch ${epoch} of 2001, step ${step! % 4}`,
      );
      // The outputs in a few characters each, however large, and every label of the curve inside its box.
      const outputs = await page.locator("#outputs tbody td:nth-child(4)").allTextContents();
      expect(outputs).toHaveLength(4);
      for (const text of outputs) expect(text.length, text).toBeLessThanOrEqual(10);
      const outside = await page.evaluate(
        `[...document.querySelectorAll("#curve text")].filter((t) => { const b = t.getBBox(); return b.x < 0 || b.x + b.width > 320 || b.width === 0; }).map((t) => t.textContent)`,
      );
      expect(outside).toEqual([]);
    });
  });

  it("shows every control and every plot on one screen at 1280 × 800, the heaviest network and a test split included, none overlapping", async (ctx) => {
    needsChromium(ctx);
    await open(
      `${HEAVIEST}&test-split=0.2`,
      { viewport: { width: 1280, height: 800 } },
      async (page) => {
        const wanted = [
          "#controls [name]",
          "#command",
          "#copy",
          ".transport button",
          "#speed",
          "#epoch-count",
          "#sizes button",
          ".plane",
          "#legend",
          "#discretize",
          "#show-test",
          "#diagram",
          "#curve",
        ];
        const boxes: [string, { x: number; y: number; width: number; height: number }][] = [];
        for (const selector of wanted) {
          const found = await page.locator(selector).all();
          expect(found.length, selector).toBeGreaterThan(0);
          for (const [k, element] of found.entries())
            boxes.push([`${selector} ${k}`, (await element.boundingBox())!]);
        }
        const outside = boxes.filter(
          ([, b]) => b.x < 0 || b.y < 0 || b.x + b.width > 1280 || b.y + b.height > 800,
        );
        expect(outside.map(([name, b]) => `${name}: ${JSON.stringify(b)}`)).toEqual([]);
        // The plots, and the +/− groups above the diagram's columns, each in a place of their own.
        const overlap = (a: (typeof boxes)[number][1], b: (typeof boxes)[number][1]) =>
          a.x < b.x + b.width &&
          b.x < a.x + a.width &&
          a.y < b.y + b.height &&
          b.y < a.y + a.height;
        const apart = async (selectors: string[]) => {
          const found = [];
          for (const selector of selectors)
            for (const element of await page.locator(selector).all())
              found.push((await element.boundingBox())!);
          for (const [i, a] of found.entries())
            for (const b of found.slice(i + 1))
              expect(overlap(a, b), JSON.stringify([a, b])).toBe(false);
        };
        await apart([".plane", "#diagram", "#curve"]);
        await apart(["#sizes > div"]);
        await apart(["#sizes button"]);
        // Each layer's +/− right above its column: the first neuron of hidden layer l is neuron 8·l.
        const centre = (b: { x: number; width: number }) => b.x + b.width / 2;
        const groups = await page.locator("#sizes > div:not(.layer-count)").all();
        const pictures = await page.locator("#diagram .neuron").all();
        expect(groups).toHaveLength(6);
        for (const [l, group] of groups.entries()) {
          const [g, p] = [await group.boundingBox(), await pictures[8 * l]!.boundingBox()];
          expect(Math.abs(centre(g!) - centre(p!)), `layer ${l + 1}`).toBeLessThan(1.5);
        }
      },
    );
  });

  it("reads at 390 px in light and dark, has no serious accessibility violation, and loads little JavaScript, on this page only", async (ctx) => {
    needsChromium(ctx);
    const violations: string[] = [];
    // Each width is loaded in one scheme and then switched to the other, as a change of the
    // system's setting switches it: both schemes at both widths, one run to the end each.
    for (const [width, schemes] of [
      [1280, ["light", "dark"]],
      [390, ["dark", "light"]],
    ] as const) {
      await open(
        "",
        { viewport: { width, height: 900 }, colorScheme: schemes[0] },
        async (page) => {
          await page.click("#end");
          await page.waitForFunction(DONE);
          await page.focus("#params tbody tr:nth-child(8)"); // W2[0,2]'s row: its edge lights up
          expect(await page.locator("#diagram .hot").count()).toBe(1);
          expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(
            width,
          );
          for (const colorScheme of schemes) {
            await page.emulateMedia({ colorScheme });
            violations.push(
              ...(await seriousViolations(page)).map((v) => `${width} ${colorScheme}: ${v}`),
            );
            await page.screenshot({
              path: join(RESULTS, `explore-${width}-${colorScheme}.png`),
              fullPage: true,
            });
          }
        },
      );
    }
    expect(violations).toEqual([]);
    const weight = await pageWeight(browser(), `${site().base}explore.html`, true);
    const explorer = readFileSync(join(site().dir, "explore.html"), "utf8");
    expect(explorer).toContain("assets/explore/explore.js");
    for (const href of site().report.lessons)
      expect(readFileSync(join(site().dir, href), "utf8")).not.toContain("assets/explore/");
    // The explorer's own files, gzipped as a server would send them: for the notes.
    const files = readdirSync(join(site().dir, "assets/explore"));
    const gzipped = Object.fromEntries(
      files.map((f) => [f, gzipSync(readFileSync(join(site().dir, "assets/explore", f))).length]),
    );
    writeFileSync(
      join(RESULTS, "explore-weight.json"),
      JSON.stringify({ page: weight, explorerFilesGzipped: gzipped }, null, 1) + "\n",
    );
    expect(weight.js.transferred).toBeLessThan(60 * 1024); // the site's script, the explorer's and its worker, gzipped
  });
});
