import { describe, expect, it } from "vitest";
import { DONE, explorer } from "./explore-harness.ts";

// The diagram's input column, as TF Playground has it: every feature a button that gives the
// network that input or takes it away, in step with the features field (the one source).

const { needsChromium, open, xor } = explorer();

/** Each feature's button: whether it is pressed, by feature. */
const pressed = (page: import("playwright-core").Page) =>
  page.evaluate(
    `Object.fromEntries([...document.querySelectorAll("#diagram-box button.feature")].map((b) => [b.dataset.feature, b.getAttribute("aria-pressed")]))`,
  ) as Promise<Record<string, string>>;

describe("the explorer's feature buttons", () => {
  it("toggles a feature by a click, Space or Enter, exactly as the features field does, and the log is pnpm xor's with those features", async (ctx) => {
    needsChromium(ctx);
    await open("?data=circles&epochs=30&log-every=5", {}, async (page) => {
      expect(await pressed(page)).toEqual({
        x1: "true",
        x2: "true",
        x1sq: "false",
        x2sq: "false",
        x1x2: "false",
        sinx1: "false",
        sinx2: "false",
      });
      // A button by its name and state, as a screen reader finds it.
      const x1sq = page.getByRole("button", { name: "Input x₁²", pressed: false });
      await x1sq.click();
      // The reference's weights fit only the inputs x1,x2: the run draws Rng(1)'s and says so.
      await page.waitForFunction(
        `location.search === "?data=circles&features=x1,x2,x1sq&seed=1&epochs=30&log-every=5"`,
      );
      expect(await page.textContent("#run-status")).toContain("Rng(1)");
      await page.focus('#diagram-box [data-feature="x2sq"]');
      await page.keyboard.press("Space");
      await page.waitForFunction(`location.search.includes("features=x1,x2,x1sq,x2sq&")`);
      await page.focus('#diagram-box [data-feature="x1"]');
      await page.keyboard.press("Enter");
      const flags = ["--data", "circles", "--features", "x2,x1sq,x2sq", "--seed", "1"];
      const run = [...flags, "--epochs", "30", "--log-every", "5"];
      await page.waitForFunction(
        `document.querySelector("#command").textContent === ${JSON.stringify(["pnpm xor", ...run].join(" "))}`,
      );
      expect(await page.inputValue("#c-features")).toBe("x2,x1sq,x2sq");
      expect(await pressed(page)).toMatchObject({ x1: "false", x2: "true", x1sq: "true" });
      expect(await page.getByRole("button", { name: "Input x₁²", pressed: true }).count()).toBe(1);
      // Three inputs into the assignment's 5 and 4: 3·5 + 5·4 + 4 weights, each an edge.
      expect(await page.locator("#diagram .hit").count()).toBe(3 * 5 + 5 * 4 + 4);
      await page.click("#end");
      await page.waitForFunction(DONE);
      const cli = xor(...run)
        .split("\n")
        .filter((line) => line.startsWith("Epoch: "));
      expect(cli).toHaveLength(6);
      expect(((await page.textContent("#log")) ?? "").trimEnd().split("\n")).toEqual(cli);
    });
  });

  it("follows the field, keeps the network one input at least, and shows a feature over the plane when pointed at", async (ctx) => {
    needsChromium(ctx);
    await open("?seed=1", {}, async (page) => {
      await page.fill("#c-features", "sinx2");
      await page.locator("#c-features").dispatchEvent("change");
      await page.waitForFunction(`location.search === "?features=sinx2&seed=1"`);
      expect(Object.values(await pressed(page)).filter((p) => p === "true")).toHaveLength(1);
      expect((await pressed(page)).sinx2).toBe("true");
      // The last input cannot go: the button says why and the run stays as it was.
      await page.click('#diagram-box [data-feature="sinx2"]');
      expect(await page.textContent("#run-status")).toContain("needs an input");
      expect(await page.evaluate("location.search")).toBe("?features=sinx2&seed=1");
      expect((await pressed(page)).sinx2).toBe("true");
      await page.hover('#diagram-box [data-feature="x1x2"]');
      await page.waitForFunction(
        `document.querySelector("#diagram-note").textContent.includes("x₁x₂")`,
      );
      expect(await page.textContent("#diagram-note")).toContain("does not see it");
    });
  });
});
