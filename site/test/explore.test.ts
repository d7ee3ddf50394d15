import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, type TestContext } from "vitest";
import { main } from "../../packages/train/src/cli.ts";
import { PRESETS } from "../src/explore/controls.ts";
import { seriousViolations } from "./browser/axe.ts";
import { hasChromium, inContext, launch, NO_CHROMIUM } from "./browser/chromium.ts";
import { courseSite, ROOT, type ServedSite } from "./browser/sites.ts";
import { pageWeight } from "./browser/weight.ts";

// The XOR explorer (explore.html) in Debian's chromium, against `pnpm xor` run in this process:
// the same settings in the URL, the form and the command; the same log; a page that stays
// responsive while it trains; and a link that is read as input.

const RESULTS = join(ROOT, "site/test-results");
const available = hasChromium();
const folder = mkdtempSync(join(tmpdir(), "gradbook-explore-"));
let browser: Browser;
let site: ServedSite;

beforeAll(async () => {
  if (!available) return;
  [browser, site] = await Promise.all([launch(), courseSite()]);
  mkdirSync(RESULTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  site?.server.close();
  rmSync(folder, { recursive: true, force: true });
});

const needsChromium = (ctx: TestContext) => {
  if (!available) ctx.skip(NO_CHROMIUM);
};

/** `pnpm xor` with these flags, in this process: what it prints. */
function xor(...flags: string[]): string {
  let text = "";
  const out = { write: (s: string) => void (text += s) };
  const code = main(["xor", ...flags, "--out", join(folder, "figures")], out, out);
  expect(code, text).toBe(0);
  return text;
}

/** Opens explore.html with this query in a fresh page, its errors collected into `problems`. */
async function open(query: string, options: BrowserContextOptions, work: (page: Page, problems: string[]) => Promise<void>): Promise<void> {
  await inContext(browser, options, async (context) => {
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(`uncaught: ${error.message}`));
    page.on("console", (message) => message.type() === "error" && problems.push(`console: ${message.text()}`));
    await page.goto(`${site.base}explore.html${query}`);
    await page.waitForFunction(READY);
    await work(page, problems);
    expect(problems).toEqual([]);
  });
}

// Page code as strings: this project's type check has no DOM types.
const READY = `document.querySelector("article.explore").dataset.playing !== undefined`;
const DONE = `document.querySelector("article.explore").dataset.done === "true"`;
const PAUSED = `document.querySelector("article.explore").dataset.playing === "false"`;
const epochOf = async (page: Page) => Number(/Epoch (\d+)/.exec((await page.textContent("#epoch-count")) ?? "")![1]);
const values = (page: Page) => page.evaluate(`Object.fromEntries([...document.querySelectorAll("#controls [name]")].map((e) => [e.name, e.value]))`) as Promise<Record<string, string>>;

describe("the explorer's code", () => {
  it("type-checks against the DOM (the root check leaves it out)", () => {
    const tsc = spawnSync(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "site/src/explore/client/tsconfig.json", "--noEmit"], { cwd: ROOT, encoding: "utf8" });
    expect(tsc.stdout + tsc.stderr).toBe("");
    expect(tsc.status).toBe(0);
  }, 60_000);
});

describe("pnpm xor's presets", () => {
  it("A seed that fails: the seed's recipe from it misclassifies XOR at epoch 2000, while the seed's run does not", () => {
    const failing = PRESETS.find((p) => p.name === "A seed that fails")!;
    const seed = /^seed=(\d+)$/.exec(failing.query)![1]!;
    expect(xor("--seed", seed)).not.toContain("4/4 on the right side of 0.5");
    expect(xor()).toContain("4/4 on the right side of 0.5");
  });
});

describe("the XOR explorer in a browser", () => {
  const full = "?data=moons&hidden=6,3&output-activation=tanh&loss=mse&lr=0.05&momentum=0.5&seed=3&epochs=300&order=fixed&log-every=50";

  it("reads every flag from the URL into its controls, writes a change back into the URL, and shows the command", async (ctx) => {
    needsChromium(ctx);
    await open(full, {}, async (page) => {
      expect(await values(page)).toEqual({ data: "moons", hidden: "6,3", "output-activation": "tanh", loss: "mse", lr: "0.05", momentum: "0.5", seed: "3", epochs: "300", order: "fixed", "log-every": "50" });
      expect(await page.evaluate("location.search")).toBe(full); // already canonical: written back unchanged
      await page.fill("#c-lr", "0.1");
      await page.locator("#c-lr").dispatchEvent("change");
      const changed = full.replace("lr=0.05", "lr=0.1");
      await page.waitForFunction(`location.search === ${JSON.stringify(changed)}`);
      expect(await page.textContent("#command")).toBe("pnpm xor --data moons --hidden 6,3 --output-activation tanh --loss mse --lr 0.1 --momentum 0.5 --seed 3 --epochs 300 --order fixed --log-every 50");
      // And back: the URL it wrote opens the same controls.
      await page.goto(`${site.base}explore.html${changed}`);
      await page.waitForFunction(READY);
      expect((await values(page)).lr).toBe("0.1");
      expect(await page.evaluate("location.search")).toBe(changed);
    });
  });

  it("sets each preset's flags with one click", async (ctx) => {
    needsChromium(ctx);
    await open("", {}, async (page) => {
      for (const preset of PRESETS) {
        await page.click(`.presets a:text-is(${JSON.stringify(preset.name)})`);
        const flags = [...new URLSearchParams(preset.query)].map(([name, value]) => `--${name} ${value}`);
        await page.waitForFunction(`document.querySelector("#command").textContent === ${JSON.stringify(["pnpm xor", ...flags].join(" "))}`);
        expect(await page.evaluate("location.search")).toBe(preset.query ? `?${preset.query}` : "");
        expect(await page.isHidden("#url-error")).toBe(true);
      }
    });
  });

  // Three settings: the seed's run; another loss, init and order; another dataset, network and output.
  it.for<[string, string[]]>([
    ["", []],
    ["?loss=mse&seed=3&epochs=600&order=fixed&log-every=100", ["--loss", "mse", "--seed", "3", "--epochs", "600", "--order", "fixed", "--log-every", "100"]],
    ["?data=moons&hidden=8,8&output-activation=tanh&loss=mse&lr=0.01&seed=1&epochs=40&log-every=5", ["--data", "moons", "--hidden", "8,8", "--output-activation", "tanh", "--loss", "mse", "--lr", "0.01", "--seed", "1", "--epochs", "40", "--log-every", "5"]],
  ])("after Run to the end, shows the same log lines as pnpm xor (%s)", { timeout: 180_000 }, async ([query, flags], ctx) => {
    needsChromium(ctx);
    const cli = xor(...flags).split("\n").filter((line) => line.startsWith("Epoch: "));
    expect(cli.length).toBeGreaterThan(4);
    await open(query, {}, async (page) => {
      expect(await page.textContent("#command")).toBe(["pnpm xor", ...flags].join(" "));
      await page.click("#end");
      await page.waitForFunction(DONE, null, { timeout: 120_000 });
      const log = ((await page.textContent("#log")) ?? "").trimEnd().split("\n");
      expect(log).toEqual(cli);
    });
  });

  it("starts over when a setting changes mid-run: nothing of the old run reaches the new one's log", async (ctx) => {
    needsChromium(ctx);
    const cli = xor("--epochs", "300", "--log-every", "100").split("\n").filter((line) => line.startsWith("Epoch: "));
    await open("?epochs=20000&log-every=1", {}, async (page) => {
      await page.click("#play");
      await page.waitForFunction(`document.querySelector("#log").textContent.includes("Epoch: 50,")`);
      await page.fill("#c-epochs", "300");
      await page.fill("#c-log-every", "100");
      await page.locator("#c-log-every").dispatchEvent("change");
      await page.waitForFunction(`location.search === "?epochs=300&log-every=100"`);
      await page.click("#end");
      await page.waitForFunction(DONE, null, { timeout: 60_000 });
      expect(((await page.textContent("#log")) ?? "").trimEnd().split("\n")).toEqual(cli);
    });
  });

  it("takes one step, then finishes the epoch: after one L1 step on one point, b3's gradient is sign(y − t) = ±1", async (ctx) => {
    needsChromium(ctx);
    await open("", {}, async (page) => {
      await page.click("#step");
      await page.waitForFunction(`document.querySelector("#epoch-count").textContent === "Epoch 0 of 2001, step 1"`);
      // d|y − t|/db3 = sign(y − t), and the mean over a batch of one point is itself.
      expect(Math.abs(Number(await page.textContent("#params tbody tr:last-child td:last-child")))).toBe(1);
      await page.click("#epoch");
      await page.waitForFunction(`document.querySelector("#epoch-count").textContent === "Epoch 1 of 2001"`);
      expect(await page.textContent("#log")).toBe("Epoch: 0, Loss: 1.583174\n"); // the notebook's first line (train/test/cli.test.ts)
    });
  });

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

  it("handles an input event within 100 ms while it trains", async (ctx) => {
    needsChromium(ctx);
    // Two moons for 20000 epochs: two million steps, far more than the test waits for.
    await open("?data=moons&seed=1&hidden=8,8&epochs=20000", {}, async (page) => {
      await page.evaluate(`window.latencies = []; document.querySelector("#c-lr").addEventListener("input", (e) => latencies.push(performance.now() - e.timeStamp))`);
      await page.click("#end");
      await page.waitForFunction(`Number(/Epoch (\\d+)/.exec(document.querySelector("#epoch-count").textContent)[1]) >= 1`);
      const before = await epochOf(page);
      await page.focus("#c-lr");
      await page.keyboard.type("0123456789", { delay: 30 });
      const latencies = (await page.evaluate("latencies")) as number[];
      await page.waitForFunction(`Number(/Epoch (\\d+)/.exec(document.querySelector("#epoch-count").textContent)[1]) > ${before}`);
      expect(await page.evaluate(DONE)).toBe(false); // still training while the keys were handled
      writeFileSync(join(RESULTS, "explore-latency.json"), JSON.stringify({ inputLatencyMs: latencies.map((ms) => Math.round(ms * 10) / 10) }) + "\n");
      expect(latencies).toHaveLength(10);
      expect(Math.max(...latencies), JSON.stringify(latencies)).toBeLessThan(100);
    });
  }, 60_000);

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
    for (const [width, colorScheme] of [[1280, "light"], [390, "dark"], [390, "light"], [1280, "dark"]] as const) {
      await open("", { viewport: { width, height: 900 }, colorScheme }, async (page) => {
        await page.click("#end");
        await page.waitForFunction(DONE, null, { timeout: 60_000 });
        await page.focus("#params tbody tr:nth-child(8)"); // W2[0,2]'s row: its edge lights up
        expect(await page.locator("#diagram .hot").count()).toBe(1);
        expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(width);
        violations.push(...(await seriousViolations(page)).map((v) => `${width} ${colorScheme}: ${v}`));
        await page.screenshot({ path: join(RESULTS, `explore-${width}-${colorScheme}.png`), fullPage: true });
      });
    }
    expect(violations).toEqual([]);
    const weight = await pageWeight(browser, `${site.base}explore.html`, true);
    const explorer = readFileSync(join(site.dir, "explore.html"), "utf8");
    expect(explorer).toContain("assets/explore/explore.js");
    for (const href of site.report.lessons) expect(readFileSync(join(site.dir, href), "utf8")).not.toContain("assets/explore/");
    // The explorer's own files, gzipped as a server would send them: for the notes.
    const files = readdirSync(join(site.dir, "assets/explore"));
    const gzipped = Object.fromEntries(files.map((f) => [f, gzipSync(readFileSync(join(site.dir, "assets/explore", f))).length]));
    writeFileSync(join(RESULTS, "explore-weight.json"), JSON.stringify({ page: weight, explorerFilesGzipped: gzipped }, null, 1) + "\n");
    expect(weight.js.transferred).toBeLessThan(60 * 1024); // the site's script, the explorer's and its worker, gzipped
  }, 180_000);
});
