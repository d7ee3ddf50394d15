import { statSync } from "node:fs";
import { join } from "node:path";
import {
  type EpochRecord,
  fit,
  MNIST_SPLIT,
  percent,
  PIXELS,
  pick,
  split,
} from "@gradbook/classify";
import { loadMnist } from "@gradbook/classify/mnist";
import { DIGITS_DEFAULTS, digitsRun } from "@gradbook/cli";
import { Rng } from "@gradbook/neuron";
import { Tensor } from "@gradbook/tensor";
import type { Page, Worker } from "playwright-core";
import { describe, expect, it } from "vitest";
import { drawDigit, offeredDigits, openDraw } from "./draw-page.ts";
import { useBrowserSites } from "./harness.ts";

// "Train your own" on the draw page: no digits load until Train is pressed; a tiny run trains in
// the page's worker with `pnpm digits`'s arithmetic (its epoch and its net's answer are the same
// run's in Node, to the digit shown); Stop ends the worker, and the page keeps the last epoch's
// net and stays responsive throughout. Every wait is for an element or an event.

const sites = useBrowserSites();

/** The tiny run: `pnpm digits --hidden 16 --epochs 1 --train 500`. */
const TINY = { hidden: 16, epochs: 1, train: 500 };

/** The same run in Node: its epochs, and its net's ten probabilities for each of `inputs`. */
function tinyRunInNode(inputs: Float64Array[]): { epochs: EpochRecord[]; answers: Float64Array[] } {
  const sets = split(loadMnist(), new Rng(0), MNIST_SPLIT);
  const train = pick(
    sets.train,
    Array.from({ length: TINY.train }, (_, i) => i),
  );
  const settings = { ...DIGITS_DEFAULTS, hidden: [TINY.hidden], epochs: TINY.epochs };
  const { model, optimizer, loader, rates } = digitsRun(settings, train);
  const { epochs } = fit(model, {
    optimizer,
    epochs: TINY.epochs,
    loader,
    validation: sets.validation,
    rates,
  });
  const answers = inputs.map(
    (x) =>
      model
        .forward(new Tensor(x, [1, PIXELS]))
        .logSoftmax()
        .exp().data,
  );
  return { epochs, answers };
}

/** Sets the form with the keyboard: hidden units, epochs, training digits. */
async function chooseRun(page: Page, run: { hidden: number; epochs: number; train: number }) {
  await page.selectOption("#train-hidden", String(run.hidden));
  await page.fill("#train-epochs", String(run.epochs));
  await page.selectOption("#train-digits", String(run.train));
}

const bars = (page: Page) => page.locator(".bars .value").allTextContents();

describe("training a net in the draw page", () => {
  it("loads no digits until Train is pressed, then trains the run `pnpm digits` would, and its net reads the input", async (ctx) => {
    sites.needsChromium(ctx);
    const offered = offeredDigits(sites.fixture.dir);
    const picked = 7; // a test digit the picker offers (option 8: the first option is the prompt)
    const x = Float64Array.from(
      offered.images.subarray(picked * PIXELS, (picked + 1) * PIXELS),
      (g) => g / 255,
    );
    const node = tinyRunInNode([x]);
    // With the site's content security policy on, as a reader gets it: the worker, its fetches
    // and the gzip stream must all pass it.
    await sites.withContext({ bypassCSP: false }, async (context) => {
      const page = await context.newPage();
      // Each file recorded as its request finishes (its size read later: awaiting it here would
      // record the file after the test had looked).
      const fetched: { file: string; bytes: Promise<number> }[] = [];
      page.on("requestfinished", (request) => {
        const file = new URL(request.url()).pathname.split("/").pop()!;
        fetched.push({ file, bytes: request.sizes().then((s) => s.responseBodySize) });
      });
      const problems = await openDraw(page, sites.fixture.base);
      expect(fetched.map((f) => f.file)).not.toContain("train.bin.gz");
      expect(fetched.map((f) => f.file)).not.toContain("validation.bin.gz");
      expect(page.workers()).toHaveLength(0);

      await page.selectOption("#test-digit", String(picked));
      await page.waitForSelector('#verdict[data-net="recorded"]:not([data-digit=""])', {
        state: "attached",
      });
      // An epoch count out of range is refused by the form: nothing starts.
      await page.fill("#train-epochs", "0");
      await page.click("#train");
      expect(await page.$("#train-epochs:invalid")).not.toBeNull();
      expect(await page.getAttribute("#train-box", "data-state")).toBeNull();
      expect(page.workers()).toHaveLength(0);

      await chooseRun(page, TINY);
      expect(await page.textContent("#train-command")).toBe(
        "pnpm digits --hidden 16 --epochs 1 --train 500",
      );
      const dataFinished = Promise.all(
        ["/train.bin.gz", "/validation.bin.gz"].map((name) =>
          page.waitForEvent("requestfinished", {
            predicate: (r) => new URL(r.url()).pathname.endsWith(name),
            timeout: 0,
          }),
        ),
      );
      await page.focus("#train");
      await page.keyboard.press("Enter");
      await page.waitForSelector('#train-box[data-state="done"]', { state: "attached" });
      await dataFinished;

      // The bytes on the wire: the two files, as the page says before and after.
      const data = fetched.filter((f) => f.file.endsWith(".bin.gz"));
      expect(data.map((f) => f.file).sort()).toEqual(["train.bin.gz", "validation.bin.gz"]);
      const onDisk = data.reduce(
        (n, f) => n + statSync(join(sites.fixture.dir, "assets/draw", f.file)).size,
        0,
      );
      expect((await Promise.all(data.map((f) => f.bytes))).reduce((n, b) => n + b, 0)).toBe(onDisk);
      expect(Number(await page.getAttribute("#train-bytes", "data-bytes"))).toBe(onDisk);
      expect(await page.textContent("#train-fetched")).toBe(
        `Fetched ${(onDisk / 1e6).toFixed(2)} MB of digits, kept for later runs.`,
      );
      expect(await page.textContent("#train-status")).toMatch(
        /^Done: 1 epoch\. Time per epoch: \d+\.\d\d s \(median of 1, validation included\)\. Your net \(784 → 16 → 10 after 1 epoch\) now reads the drawing\.$/,
      );

      // The epoch: the same numbers as Node's run, as the table prints them; one point a curve.
      const [r] = node.epochs;
      expect(await page.locator("#train-log tbody tr").count()).toBe(1);
      const cells = await page.locator("#train-log tbody td").allTextContents();
      expect(cells.slice(0, 5)).toEqual([
        "1",
        r!.trainLoss.toFixed(4),
        percent(r!.trainAccuracy, 2),
        r!.validationLoss.toFixed(4),
        percent(r!.validationAccuracy, 2),
      ]);
      expect(await page.getAttribute("#loss-curve", "data-points")).toBe("2"); // training and validation
      expect(await page.getAttribute("#accuracy-curve", "data-points")).toBe("2");

      // The new net reads the test digit on show: Node's net's probabilities, as the bars print them.
      await page.waitForSelector('#verdict[data-net="yours"]', { state: "attached" });
      expect(await bars(page)).toEqual(Array.from(node.answers[0]!, (p) => percent(p)));
      expect(await page.textContent("#verdict")).toMatch(/^Your net reads an? \d, /);
      // …and the way back to lesson 09's net.
      await page.check('input[name="net"][value="recorded"]');
      await page.waitForSelector('#verdict[data-net="recorded"]', { state: "attached" });
      expect(await page.textContent("#verdict")).toMatch(/^The net reads an? \d, /);

      // A second run takes the digits already fetched, and trains the same epoch again.
      await page.click("#train"); // its handler sets the state before the click returns
      await page.waitForSelector('#train-box[data-state="done"]', { state: "attached" });
      expect(fetched.filter((f) => f.file.endsWith(".bin.gz"))).toHaveLength(2);
      const again = await page.locator("#train-log tbody td").allTextContents();
      expect(again.slice(0, 5)).toEqual(cells.slice(0, 5)); // all but its time
      expect(problems).toEqual([]);
    });
  });

  it("says so when the digits cannot be fetched, and fetches them again on the next Train", async (ctx) => {
    sites.needsChromium(ctx);
    await sites.withContext({}, async (context) => {
      const page = await context.newPage();
      await openDraw(page, sites.fixture.base);
      await page.route("**/train.bin.gz", (route) => route.fulfill({ status: 503, body: "" }));
      await chooseRun(page, TINY);
      await page.click("#train");
      await page.waitForSelector('#train-box[data-state="error"]', { state: "attached" });
      expect(await page.textContent("#train-status")).toBe(
        "The digits could not be fetched: train.bin.gz: 503 Service Unavailable.",
      );
      expect(await page.isEnabled("#train")).toBe(true);
      expect(await page.getAttribute("#net-choice", "disabled")).toBe(""); // no net of the reader's yet
      await page.unroute("**/train.bin.gz");
      await page.click("#train");
      await page.waitForSelector('#train-box[data-state="done"]', { state: "attached" });
      expect(await page.locator("#train-log tbody tr").count()).toBe(1);
    });
  });

  it("stops a run with Stop: the worker ends, the last epoch's net reads the drawing, and the page answers throughout", async (ctx) => {
    sites.needsChromium(ctx);
    const offered = offeredDigits(sites.fixture.dir);
    await sites.withContext({}, async (context) => {
      const page = await context.newPage();
      const problems = await openDraw(page, sites.fixture.base);
      const worker = new Promise<Worker>((resolve) => page.once("worker", resolve));
      await chooseRun(page, { hidden: 64, epochs: 50, train: 8000 }); // minutes: Stop comes first
      await page.click("#train");
      const closed = worker.then((w) => new Promise((resolve) => w.once("close", resolve)));
      await page.waitForSelector("#train-progress[value]", { state: "attached" }); // steps, before any epoch ends
      await page.waitForSelector("#train-log tbody tr", { state: "attached" });

      // While the worker trains, the page still reads a test digit picked with the keyboard.
      await page.focus("#test-digit");
      await page.keyboard.press("ArrowDown");
      await page.waitForSelector('#verdict[data-net="recorded"]:not([data-digit=""])', {
        state: "attached",
      });
      expect(await page.getAttribute("#train-box", "data-state")).toBe("training");

      await page.focus("#stop");
      await page.keyboard.press("Enter");
      await closed; // the worker is gone, not merely ignored
      await page.waitForSelector('#train-box[data-state="stopped"]', { state: "attached" });
      const epochs = await page.locator("#train-log tbody tr").count();
      expect(epochs).toBeGreaterThanOrEqual(1);
      expect(epochs).toBeLessThan(50);
      expect(await page.textContent("#train-status")).toMatch(
        new RegExp(`^Stopped after epoch ${epochs} of 50\\. Time per epoch: `),
      );
      expect(await page.textContent("#yours-label")).toBe(
        `784 → 64 → 10 after ${epochs} epoch${epochs === 1 ? "" : "s"}`,
      );
      expect(await page.isDisabled("#stop")).toBe(true);
      expect(await page.isEnabled("#train")).toBe(true);
      expect(await page.evaluate("document.activeElement.id")).toBe("train"); // the keyboard's focus moved on

      // The stopped run's net reads a digit drawn with the pointer.
      await page.click("#clear");
      await drawDigit(page, offered.images.subarray(0, PIXELS));
      await page.waitForSelector('#verdict[data-net="yours"]:not([data-digit=""])', {
        state: "attached",
      });
      expect(await page.textContent("#verdict")).toMatch(
        /^Your net reads an? \d, with probability \d+\.\d%\.$/,
      );
      expect(problems).toEqual([]);
    });
  });
});
