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
      expect(await page.locator("#diagram .neuron").count()).toBe(2 + 5 + 5 + 1);
      await page.click("#regenerate");
      await page.waitForFunction(`location.search === "?data-seed=2&hidden=5,5&seed=1"`);
      expect(await page.textContent("#command")).toBe(
        "pnpm xor --data-seed 2 --hidden 5,5 --seed 1",
      );
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
