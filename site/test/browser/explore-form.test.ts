import { describe, expect, it } from "vitest";
import { explorer } from "./explore-harness.ts";

// The explorer's form as a reader types into it: a refused value is marked on its own field,
// with its message beside it, and never blocks the changes after it.

const { needsChromium, open } = explorer();

/** Types `text` into flag's field and commits it, as leaving the field does. */
const set = async (page: import("playwright-core").Page, flag: string, text: string) => {
  await page.fill(`#c-${flag}`, text);
  await page.locator(`#c-${flag}`).dispatchEvent("change");
};

describe("the explorer's form", () => {
  it("marks a refused field (aria-invalid, its message beside it on a phone) and still applies every later change", async (ctx) => {
    needsChromium(ctx);
    await open("", { viewport: { width: 390, height: 844 } }, async (page) => {
      // The reference's weights fit only 5,4: this hidden size is refused while seed is torch.
      await set(page, "hidden", "8,8");
      await page.waitForFunction(
        `document.querySelector("#c-hidden").getAttribute("aria-invalid") === "true"`,
      );
      const message = page.locator("#c-hidden-error");
      expect(await message.textContent()).toContain("needs --seed N");
      // Beside the field: its top within a line or two of the field's bottom, on a 390 px screen.
      const [input, text] = [
        await page.locator("#c-hidden").boundingBox(),
        await message.boundingBox(),
      ];
      expect(text!.y - (input!.y + input!.height)).toBeGreaterThanOrEqual(0);
      expect(text!.y - (input!.y + input!.height)).toBeLessThan(40);
      expect(await page.getAttribute("#c-hidden", "aria-describedby")).toContain("c-hidden-error");
      // A later change is applied, with the refused field at its last good value.
      await set(page, "lr", "0.1");
      await page.waitForFunction(`location.search === "?lr=0.1"`);
      expect(await page.textContent("#command")).toBe("pnpm xor --lr 0.1");
      expect(await page.getAttribute("#c-hidden", "aria-invalid")).toBe("true"); // still refused, still showing what was typed
      expect(await page.inputValue("#c-hidden")).toBe("8,8");
      // The change that makes it valid applies it, and clears the mark.
      await set(page, "seed", "3");
      await page.waitForFunction(`location.search === "?hidden=8,8&lr=0.1&seed=3"`);
      expect(await page.getAttribute("#c-hidden", "aria-invalid")).toBeNull();
      expect(await message.isHidden()).toBe(true);
      // A rule between two fields blames the one just changed: torch again refuses the seed, not the hidden sizes.
      await set(page, "seed", "torch");
      await page.waitForFunction(
        `document.querySelector("#c-seed").getAttribute("aria-invalid") === "true"`,
      );
      expect(await page.getAttribute("#c-hidden", "aria-invalid")).toBeNull();
      expect(await page.evaluate("location.search")).toBe("?hidden=8,8&lr=0.1&seed=3");
    });
  });

  it("quotes a long URL value shortened, with its length, and never whole", async (ctx) => {
    needsChromium(ctx);
    const long = "9".repeat(8000);
    await open(`?lr=${long}x&${"q".repeat(3000)}=1`, {}, async (page) => {
      const message = (await page.textContent("#url-error")) ?? "";
      expect(message).toContain("lr: expected a positive number");
      expect(message).toContain("8001 characters");
      expect(message).toContain("3000 characters");
      expect(message.length).toBeLessThan(700);
    });
  });
});

describe("the explorer's buttons beside the form", () => {
  it("adds and removes layers and neurons with +/−, drawing new weights where the reference's no longer fit, and regenerates the data with the next seed", async (ctx) => {
    needsChromium(ctx);
    await open("", {}, async (page) => {
      await page.click('#sizes button:text-is("+ layer")');
      await page.waitForFunction(`location.search === "?hidden=5,4,4&seed=1"`);
      expect(await page.textContent("#run-status")).toContain("Rng(1)");
      await page.click('#sizes [aria-label="One neuron more in hidden layer 2"]');
      await page.waitForFunction(`location.search === "?hidden=5,5,4&seed=1"`);
      await page.click('#sizes button:text-is("− layer")');
      await page.waitForFunction(`location.search === "?hidden=5,5&seed=1"`);
      expect(await page.locator("#diagram .neuron").count()).toBe(5 + 5 + 1);
      await page.click("#regenerate");
      await page.waitForFunction(`location.search === "?data-seed=2&hidden=5,5&seed=1"`);
      expect(await page.textContent("#command")).toBe(
        "pnpm xor --data-seed 2 --hidden 5,5 --seed 1",
      );
      // Down to no hidden layer, a linear model (inputs straight to the output), and back up.
      await page.click('#sizes button:text-is("− layer")');
      await page.click('#sizes button:text-is("− layer")');
      await page.waitForFunction(`location.search === "?data-seed=2&hidden=none&seed=1"`);
      expect(await page.locator("#diagram .neuron").count()).toBe(1);
      expect(await page.isDisabled('#sizes button:text-is("− layer")')).toBe(true);
      await page.click('#sizes button:text-is("+ layer")');
      await page.waitForFunction(`location.search === "?data-seed=2&hidden=2&seed=1"`);
    });
  });

  it("goes as deep and as wide as TF Playground, six hidden layers of eight, and no further", async (ctx) => {
    needsChromium(ctx);
    await open("?hidden=8,8,8,8,7&seed=1", {}, async (page) => {
      expect(await page.isDisabled('#sizes button:text-is("+ layer")')).toBe(false);
      await page.click('#sizes button:text-is("+ layer")');
      await page.waitForFunction(`location.search === "?hidden=8,8,8,8,7,7&seed=1"`);
      await page.click('#sizes [aria-label="One neuron more in hidden layer 6"]');
      await page.click('#sizes [aria-label="One neuron more in hidden layer 5"]');
      await page.waitForFunction(`location.search === "?hidden=8,8,8,8,8,8&seed=1"`);
      expect(await page.textContent("#sizes .layer-count")).toContain("6 hidden layers");
      expect(await page.isDisabled('#sizes button:text-is("+ layer")')).toBe(true);
      for (let l = 1; l <= 6; l++)
        expect(
          await page.isDisabled(`#sizes [aria-label="One neuron more in hidden layer ${l}"]`),
        ).toBe(true);
      expect(await page.locator("#diagram .neuron").count()).toBe(6 * 8 + 1);
      expect(await page.locator("#diagram .hit").count()).toBe(2 * 8 + 5 * 8 * 8 + 8);
    });
  });

  it("edits a bias from its neuron's square, as TF Playground draws it, and the arrows reach the squares among the edges", async (ctx) => {
    needsChromium(ctx);
    await open("?seed=1", {}, async (page) => {
      await page.click("#step");
      await page.waitForFunction(
        `document.querySelector("#epoch-count").textContent.includes("step 1")`,
      );
      // The assignment's network: a bias for each of its 5 + 4 + 1 neurons past the inputs.
      expect(await page.locator("#diagram .bias-hit").count()).toBe(5 + 4 + 1);
      // PyTorch's order: W1's 5 · 2 weights, then b1: b1[0] is parameter 10.
      await page.click('#diagram .bias-hit[data-param="10"]');
      expect(await page.textContent("#weight-name")).toBe("b1[0]");
      await page.keyboard.press("Escape");
      await page.focus('#diagram [data-param="9"]'); // W1[4,1], the edge before b1[0]
      await page.keyboard.press("ArrowRight");
      expect(await page.textContent("#diagram-note")).toMatch(/^b1\[0\] = /);
      await page.keyboard.press("Enter");
      expect(await page.textContent("#weight-name")).toBe("b1[0]");
    });
  });

  it("trains on from the current weights when only the learning rate changes, and says where in the log", async (ctx) => {
    needsChromium(ctx);
    await open("?epochs=20000&log-every=1", {}, async (page) => {
      await page.selectOption("#speed", "100");
      await page.click("#play");
      await page.waitForFunction(
        `Number(/Epoch (\\d+)/.exec(document.querySelector("#epoch-count").textContent)[1]) >= 5`,
      );
      await page.click("#play");
      await page.waitForFunction(
        `document.querySelector("article.explore").dataset.playing === "false"`,
      );
      const before = {
        count: await page.textContent("#epoch-count"),
        params: await page.locator("#params tbody td:nth-child(2)").allTextContents(),
      };
      await set(page, "lr", "0.05");
      await page.waitForFunction(`location.search === "?lr=0.05&epochs=20000&log-every=1"`);
      expect(await page.textContent("#log")).toContain("— from here --lr 0.05 —");
      // Nothing started over: the same epoch, the same weights, until the next step.
      expect(await page.textContent("#epoch-count")).toBe(before.count);
      expect(await page.locator("#params tbody td:nth-child(2)").allTextContents()).toEqual(
        before.params,
      );
      await page.click("#step");
      await page.waitForFunction(
        `document.querySelector("#epoch-count").textContent !== ${JSON.stringify(before.count)}`,
      );
      expect(await page.textContent("#epoch-count")).not.toMatch(/^Epoch 0 /);
    });
  });
});

/** The distinct colours the plane's canvas holds now. */
const colours = (page: import("playwright-core").Page) =>
  page.evaluate(`(() => {
    const c = document.querySelector("#surface");
    const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
    const seen = new Set();
    for (let i = 0; i < d.length; i += 4) seen.add(d[i] + "," + d[i + 1] + "," + d[i + 2]);
    return seen.size;
  })()`) as Promise<number>;

describe("the explorer's regressions and views", () => {
  it("switches to mse for a regression and says so, colours its points by their targets, and reports its error", async (ctx) => {
    needsChromium(ctx);
    await open("?seed=1", {}, async (page) => {
      await page.selectOption("#c-data", "plane"); // fires the change itself
      await page.waitForFunction(`location.search === "?data=plane&loss=mse&seed=1"`);
      expect(await page.textContent("#run-status")).toContain("Loss now mse");
      expect(await page.textContent("#command")).toBe("pnpm xor --data plane --loss mse --seed 1");
      // No threshold line, and 100 points in many colours (their targets run from −1 to 1).
      await page.click("#epoch");
      await page.waitForFunction(
        `document.querySelector("#epoch-count").textContent === "Epoch 1 of 2001"`,
      );
      expect(await page.getAttribute("#plane path", "d")).toBeNull();
      const fills = await page
        .locator("#plane circle:not(.wrong)")
        .evaluateAll((cs) => cs.map((c) => c.getAttribute("fill")));
      expect(fills).toHaveLength(100);
      expect(new Set(fills).size).toBeGreaterThan(50);
      expect(await page.textContent("#outputs")).toMatch(
        /^Mean squared error over the 100 training points \d\.\d{4}, largest error \d\.\d{4}\.$/,
      );
      // bce-with-logits is refused on real-valued targets, beside its field.
      await page.selectOption("#c-loss", "bce-with-logits");
      await page.waitForFunction(
        `document.querySelector("#c-loss").getAttribute("aria-invalid") === "true"`,
      );
      expect(await page.textContent("#c-loss-error")).toContain("needs targets 0 and 1");
    });
  });

  it("discretizes the output at the reader's word: two colours on the plane, kept in the URL, no change to the run", async (ctx) => {
    needsChromium(ctx);
    await open("?data=moons&seed=2&epochs=5", {}, async (page) => {
      await page.click("#end");
      await page.waitForFunction(
        `document.querySelector("article.explore").dataset.done === "true"`,
      );
      expect(await colours(page)).toBeGreaterThan(20); // a continuous shade
      const log = await page.textContent("#log");
      await page.check("#discretize");
      await page.waitForFunction(
        `location.search === "?data=moons&seed=2&epochs=5&discretize=true"`,
      );
      expect(await colours(page)).toBe(2); // one colour each side of the line
      expect(await page.textContent("#command")).toBe("pnpm xor --data moons --seed 2 --epochs 5");
      expect(await page.textContent("#log")).toBe(log);
      // A link with it opens with it; a bad value is named and ignored.
      await page.goto(page.url().replace("discretize=true", "discretize=true&show-test=maybe"));
      await page.waitForFunction(
        `document.querySelector("article.explore").dataset.playing !== undefined`,
      );
      expect(await page.isChecked("#discretize")).toBe(true);
      expect(await page.textContent("#url-error")).toContain(
        'show-test: expected true or false, got "maybe"',
      );
    });
  });
});

describe("editing a weight, as TF Playground lets you", () => {
  it("opens from its edge (a click, or the arrows and Enter) or its row (Enter), refuses what is not a finite number, and trains on from the value typed", async (ctx) => {
    needsChromium(ctx);
    await open("?seed=1&epochs=50", {}, async (page) => {
      await page.click("#step");
      await page.waitForFunction(
        `document.querySelector("#epoch-count").textContent === "Epoch 0 of 50, step 1"`,
      );
      const outputs = async () =>
        (await page.locator("#outputs tbody td:nth-child(4)").allTextContents()).map(Number);
      const before = await outputs();
      expect(before).toHaveLength(4);
      // The output bias b3[0], the last parameter: Enter on its row.
      await page.focus("#params tbody tr:last-child");
      await page.keyboard.press("Enter");
      expect(await page.isVisible("#weight-edit")).toBe(true);
      expect(await page.textContent("#weight-name")).toBe("b3[0]");
      const old = Number(await page.inputValue("#weight-value"));
      for (const bad of ["abc", "1e999", " "]) {
        await page.fill("#weight-value", bad);
        await page.press("#weight-value", "Enter");
        expect(await page.textContent("#weight-error")).toContain("Expected a finite number");
        expect(await page.getAttribute("#weight-value", "aria-invalid")).toBe("true");
      }
      const value = old + 0.25;
      await page.fill("#weight-value", String(value));
      await page.press("#weight-value", "Enter");
      await page.waitForFunction(
        `document.querySelector("#params tbody tr:last-child td").textContent === ${JSON.stringify(value.toFixed(6).replace(/^(?!-)/, " "))}`,
      );
      expect(await page.isHidden("#weight-edit")).toBe(true);
      expect(
        await page.evaluate(
          `document.activeElement === document.querySelector("#params tbody tr:last-child")`,
        ),
      ).toBe(true);
      expect(await page.textContent("#log")).toBe(
        `— from here b3[0] = ${value}, edited by hand —\n`,
      );
      // The output is linear in its bias: every output moves by the edit, 0.25 (to the table's 4 decimals).
      const after = await outputs();
      after.forEach((y, i) => expect(Math.abs(y - before[i]! - 0.25)).toBeLessThanOrEqual(1.5e-4));
      // The mouse: a click on W1[0,0]'s edge (its midpoint: no other edge within reach there).
      const hit = page.locator('#diagram .hit[data-param="0"]');
      await hit.scrollIntoViewIfNeeded(); // the focus went back to the table's row, below the diagram
      const edge = (await hit.boundingBox())!;
      await page.mouse.click(edge.x + edge.width / 2, edge.y + edge.height / 2);
      expect(await page.textContent("#weight-name")).toBe("W1[0,0]");
      await page.keyboard.press("Escape");
      expect(await page.isHidden("#weight-edit")).toBe(true);
      // The keyboard: the edges are one stop, the arrows move along them, Enter edits.
      await page.focus('#diagram .hit[tabindex="0"]');
      await page.keyboard.press("ArrowRight");
      await page.keyboard.press("Enter");
      expect(await page.textContent("#weight-name")).toBe("W1[0,1]");
      await page.click("#weight-cancel");
      // Training goes on from the edit: a step later, the run is at step 2, not back at 0.
      await page.click("#step");
      await page.waitForFunction(
        `document.querySelector("#epoch-count").textContent === "Epoch 0 of 50, step 2"`,
      );
      expect(await page.textContent("#log")).toBe(
        `— from here b3[0] = ${value}, edited by hand —\n`,
      ); // not started over
      expect(await page.textContent("#run-status")).toContain("No flag of pnpm xor edits a weight");
    });
  });
});
