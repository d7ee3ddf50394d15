import { describe, expect, it } from "vitest";
import { PRESETS } from "../../src/explore/controls.ts";
import { DONE, explorer, READY, values } from "./explore-harness.ts";

// The XOR explorer (explore.html) in Debian's chromium, against `pnpm xor` run in this process:
// the same settings in the URL, the form and the command, and the same log.

const { needsChromium, open, site, xor } = explorer();

describe("pnpm xor's presets", () => {
  it("A seed that fails: the assignment's recipe from it misclassifies XOR at epoch 2000, while the assignment's run does not", () => {
    const failing = PRESETS.find((p) => p.name === "A seed that fails")!;
    const seed = /^seed=(\d+)$/.exec(failing.query)![1]!;
    expect(xor("--seed", seed)).not.toContain("4/4 on the right side of 0.5");
    expect(xor()).toContain("4/4 on the right side of 0.5");
  });
});

describe("the XOR explorer in a browser", () => {
  const full =
    "?data=moons&noise=0.2&data-seed=4&test-split=0.25&features=x1,x2,x1x2&hidden=6,3&activation=relu&output-activation=tanh&loss=mse&l1=0.001&l2=0.01&lr=0.05&momentum=0.5&batch-size=4&seed=3&epochs=300&order=fixed&log-every=50";

  it("reads every flag from the URL into its controls, writes a change back into the URL, and shows the command", async (ctx) => {
    needsChromium(ctx);
    await open(full, {}, async (page) => {
      expect(await values(page)).toEqual({
        data: "moons",
        noise: "0.2",
        "data-seed": "4",
        "test-split": "0.25",
        features: "x1,x2,x1x2",
        hidden: "6,3",
        activation: "relu",
        "output-activation": "tanh",
        loss: "mse",
        l1: "0.001",
        l2: "0.01",
        lr: "0.05",
        momentum: "0.5",
        "batch-size": "4",
        seed: "3",
        epochs: "300",
        order: "fixed",
        "log-every": "50",
      });
      expect(await page.evaluate("location.search")).toBe(full); // already canonical: written back unchanged
      await page.fill("#c-lr", "0.1");
      await page.locator("#c-lr").dispatchEvent("change");
      const changed = full.replace("lr=0.05", "lr=0.1");
      await page.waitForFunction(`location.search === ${JSON.stringify(changed)}`);
      expect(await page.textContent("#command")).toBe(
        "pnpm xor --data moons --noise 0.2 --data-seed 4 --test-split 0.25 --features x1,x2,x1x2 --hidden 6,3 --activation relu --output-activation tanh --loss mse --l1 0.001 --l2 0.01 --lr 0.1 --momentum 0.5 --batch-size 4 --seed 3 --epochs 300 --order fixed --log-every 50",
      );
      // And back: the URL it wrote opens the same controls.
      await page.goto(`${site().base}explore.html${changed}`);
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
        const flags = [...new URLSearchParams(preset.query)].map(
          ([name, value]) => `--${name} ${value}`,
        );
        await page.waitForFunction(
          `document.querySelector("#command").textContent === ${JSON.stringify(["pnpm xor", ...flags].join(" "))}`,
        );
        expect(await page.evaluate("location.search")).toBe(preset.query ? `?${preset.query}` : "");
        expect(await page.isHidden("#url-error")).toBe(true);
      }
    });
  });

  // The assignment's run; another loss, init and order; another dataset, network and output; then
  // every flag TF Playground has a knob for: noise, data seed, test split (the log adds the test
  // loss), input features, hidden activation, batch size, L1 and L2; and its other datasets.
  it.for<[string, string[]]>([
    ["", []],
    [
      "?loss=mse&seed=3&epochs=600&order=fixed&log-every=100",
      ["--loss", "mse", "--seed", "3", "--epochs", "600", "--order", "fixed", "--log-every", "100"],
    ],
    [
      "?data=moons&hidden=8,8&output-activation=tanh&loss=mse&lr=0.01&seed=1&epochs=40&log-every=5",
      [
        "--data",
        "moons",
        "--hidden",
        "8,8",
        "--output-activation",
        "tanh",
        "--loss",
        "mse",
        "--lr",
        "0.01",
        "--seed",
        "1",
        "--epochs",
        "40",
        "--log-every",
        "5",
      ],
    ],
    [
      "?data=moons&noise=0.2&data-seed=3&test-split=0.3&features=x1,x2,x1sq,x2sq&hidden=6,3&activation=relu&l2=0.001&batch-size=5&seed=2&epochs=60&log-every=10",
      [
        "--data",
        "moons",
        "--noise",
        "0.2",
        "--data-seed",
        "3",
        "--test-split",
        "0.3",
        "--features",
        "x1,x2,x1sq,x2sq",
        "--hidden",
        "6,3",
        "--activation",
        "relu",
        "--l2",
        "0.001",
        "--batch-size",
        "5",
        "--seed",
        "2",
        "--epochs",
        "60",
        "--log-every",
        "10",
      ],
    ],
    [
      "?data=circles&features=x1sq,x2sq,sinx1,sinx2&activation=sigmoid&l1=0.001&momentum=0.5&seed=4&epochs=50&order=shuffled&log-every=10",
      [
        "--data",
        "circles",
        "--features",
        "x1sq,x2sq,sinx1,sinx2",
        "--activation",
        "sigmoid",
        "--l1",
        "0.001",
        "--momentum",
        "0.5",
        "--seed",
        "4",
        "--epochs",
        "50",
        "--order",
        "shuffled",
        "--log-every",
        "10",
      ],
    ],
    [
      "?noise=0.1&activation=linear&batch-size=3&seed=1&epochs=100&order=fixed&log-every=20",
      [
        "--noise",
        "0.1",
        "--activation",
        "linear",
        "--batch-size",
        "3",
        "--seed",
        "1",
        "--epochs",
        "100",
        "--order",
        "fixed",
        "--log-every",
        "20",
      ],
    ],
    // TF Playground's deepest network, six hidden layers of eight, and one of a single neuron.
    [
      "?data=spiral&hidden=8,8,8,8,8,8&activation=relu&lr=0.01&seed=5&epochs=30&log-every=5",
      [
        "--data",
        "spiral",
        "--hidden",
        "8,8,8,8,8,8",
        "--activation",
        "relu",
        "--lr",
        "0.01",
        "--seed",
        "5",
        "--epochs",
        "30",
        "--log-every",
        "5",
      ],
    ],
    [
      "?data=circles&hidden=3,8,1,8,2,5&seed=2&epochs=20&log-every=4",
      [
        "--data",
        "circles",
        "--hidden",
        "3,8,1,8,2,5",
        "--seed",
        "2",
        "--epochs",
        "20",
        "--log-every",
        "4",
      ],
    ],
    // No hidden layer (a linear model on TF Playground's features), as TF Playground allows.
    [
      "?features=x1,x2,x1x2&hidden=none&seed=1&epochs=200&log-every=40",
      [
        "--features",
        "x1,x2,x1x2",
        "--hidden",
        "none",
        "--seed",
        "1",
        "--epochs",
        "200",
        "--log-every",
        "40",
      ],
    ],
    // TF Playground's other datasets: its Gaussian clusters, its XOR, and its two regressions (mse).
    [
      "?data=quadrants&noise=0.05&features=x1,x2,x1x2&hidden=4&seed=2&epochs=50&log-every=10",
      [
        "--data",
        "quadrants",
        "--noise",
        "0.05",
        "--features",
        "x1,x2,x1x2",
        "--hidden",
        "4",
        "--seed",
        "2",
        "--epochs",
        "50",
        "--log-every",
        "10",
      ],
    ],
    [
      "?data=gauss&noise=0.6&seed=2&epochs=60&log-every=10",
      ["--data", "gauss", "--noise", "0.6", "--seed", "2", "--epochs", "60", "--log-every", "10"],
    ],
    [
      "?data=plane&loss=mse&seed=1&epochs=40&log-every=8",
      ["--data", "plane", "--loss", "mse", "--seed", "1", "--epochs", "40", "--log-every", "8"],
    ],
    [
      "?data=multi-gauss&noise=0.1&test-split=0.2&hidden=8,6&loss=mse&seed=3&epochs=40&log-every=8",
      [
        "--data",
        "multi-gauss",
        "--noise",
        "0.1",
        "--test-split",
        "0.2",
        "--hidden",
        "8,6",
        "--loss",
        "mse",
        "--seed",
        "3",
        "--epochs",
        "40",
        "--log-every",
        "8",
      ],
    ],
  ])(
    "after Run to the end, shows the same log lines as pnpm xor (%s)",
    async ([query, flags], ctx) => {
      needsChromium(ctx);
      const cli = xor(...flags)
        .split("\n")
        .filter((line) => line.startsWith("Epoch: "));
      expect(cli.length).toBeGreaterThan(4);
      await open(query, {}, async (page) => {
        expect(await page.textContent("#command")).toBe(["pnpm xor", ...flags].join(" "));
        await page.click("#end");
        await page.waitForFunction(DONE);
        const log = ((await page.textContent("#log")) ?? "").trimEnd().split("\n");
        expect(log).toEqual(cli);
      });
    },
  );

  it("starts over when a setting that changes what is trained changes mid-run: nothing of the old run reaches the new one's log", async (ctx) => {
    needsChromium(ctx);
    const cli = xor("--epochs", "300", "--log-every", "100")
      .split("\n")
      .filter((line) => line.startsWith("Epoch: "));
    await open("?order=7&epochs=300&log-every=100", {}, async (page) => {
      await page.selectOption("#speed", "10");
      await page.click("#play");
      await page.waitForFunction(
        `document.querySelector("#log").textContent.includes("Epoch: 0,")`,
      );
      await page.fill("#c-order", "2"); // the data order: a new run (lr, momentum, epochs and log-every train on instead)
      await page.locator("#c-order").dispatchEvent("change");
      await page.waitForFunction(`location.search === "?epochs=300&log-every=100"`);
      expect(await page.textContent("#log")).toBe("");
      await page.click("#end");
      await page.waitForFunction(DONE);
      expect(((await page.textContent("#log")) ?? "").trimEnd().split("\n")).toEqual(cli);
    });
  });

  it("reads out the last epoch's training and test loss over the curve: with one step an epoch, the log's figures", async (ctx) => {
    needsChromium(ctx);
    // One batch of all the points a step: an epoch's mean loss is its one step's, the log's.
    const flags = [
      "--data",
      "moons",
      "--test-split",
      "0.2",
      "--batch-size",
      "80",
      "--seed",
      "1",
      "--epochs",
      "12",
      "--order",
      "fixed",
      "--log-every",
      "1",
    ];
    const last = xor(...flags)
      .split("\n")
      .filter((line) => line.startsWith("Epoch: "))
      .at(-1)!;
    const [, train, test] = /Loss: (\S+), Test loss: (\S+)/.exec(last)!;
    await open(
      "?data=moons&test-split=0.2&batch-size=80&seed=1&epochs=12&order=fixed&log-every=1",
      {},
      async (page) => {
        await page.click("#end");
        await page.waitForFunction(DONE);
        const reading = (await page.textContent("#curve .reading")) ?? "";
        const [, shownTrain, shownTest] = /^train (\S+) · test (\S+)$/.exec(reading)!;
        expect(shownTrain).toBe(Number(train).toPrecision(3));
        expect(shownTest).toBe(Number(test).toPrecision(3));
      },
    );
  });

  it("takes one step, then finishes the epoch: after one L1 step on one point, b3's gradient is sign(y − t) = ±1", async (ctx) => {
    needsChromium(ctx);
    await open("", {}, async (page) => {
      await page.click("#step");
      await page.waitForFunction(
        `document.querySelector("#epoch-count").textContent === "Epoch 0 of 2001, step 1"`,
      );
      // d|y − t|/db3 = sign(y − t), and the mean over a batch of one point is itself.
      expect(
        Math.abs(Number(await page.textContent("#params tbody tr:last-child td:last-child"))),
      ).toBe(1);
      await page.click("#epoch");
      await page.waitForFunction(
        `document.querySelector("#epoch-count").textContent === "Epoch 1 of 2001"`,
      );
      expect(await page.textContent("#log")).toBe("Epoch: 0, Loss: 1.583174\n"); // the notebook's first line (train/test/cli.test.ts)
    });
  });
});
