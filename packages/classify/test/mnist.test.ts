import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { classCounts, PIXELS } from "@gradbook/classify";
import { loadMnist } from "@gradbook/classify/mnist";
import { describe, expect, it } from "vitest";

const digits = loadMnist();

describe("loadMnist", () => {
  it("reads the package's 10,000 digits, class by class", () => {
    expect(digits.size).toBe(10_000);
    expect(digits.images.length).toBe(10_000 * PIXELS);
    // Counted in the package's files (TOOLCHAIN.md, 2026-12-07: 863 … 1,127 per class).
    expect(classCounts(digits)).toEqual([1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978]);
    expect(digits.labels[0]).toBe(0);
    expect(digits.labels[9999]).toBe(9);
  });

  it("stores each grey level g as the byte round(255·g) it was made from: b/255 to three decimals is g", () => {
    const file = createRequire(import.meta.url).resolve("mnist/src/digits/5.json");
    const { data } = JSON.parse(readFileSync(file, "utf8")) as { data: number[] };
    const first5 =
      classCounts(digits)
        .slice(0, 5)
        .reduce((a, b) => a + b, 0) * PIXELS;
    for (let i = 0; i < data.length; i++) {
      const byte = digits.images[first5 + i]!;
      if (Number((byte / 255).toFixed(3)) !== data[i])
        expect.fail(`grey level ${i} of 5.json: ${data[i]} read as byte ${byte}`);
    }
    expect(data.length).toBe(863 * PIXELS);
  });
});
